package dev.bentocloud.sample.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.bentocloud.spring.credentials.YataiConfig;
import dev.bentocloud.spring.credentials.YataiConfigException;
import dev.bentocloud.spring.credentials.YataiConfigLocation;
import dev.bentocloud.spring.credentials.YataiConfigReader;
import dev.bentocloud.spring.credentials.YataiConfigWriter;
import dev.bentocloud.spring.credentials.YataiContext;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What the {@code cloud} commands share: the credentials file the starter also reads
 * ({@link YataiConfigLocation}: {@code bentocloud.config-file}, {@code $BENTOML_HOME/.yatai.yaml},
 * {@code ~/bentoml/.yatai.yaml}), and BentoML's environment variables, read by their exact names
 * as BentoML's Python client does.
 */
final class CloudContexts {

	static final String API_KEY_ENV = "BENTO_CLOUD_API_KEY";

	static final String API_ENDPOINT_ENV = "BENTO_CLOUD_API_ENDPOINT";

	static final String DEFAULT_ENDPOINT = "https://cloud.bentoml.com";

	private final Path file;

	private final Map<?, ?> osEnvironment;

	private final YataiConfigReader reader = new YataiConfigReader();

	private final YataiConfigWriter writer = new YataiConfigWriter(this.reader);

	CloudContexts(ConfigurableEnvironment environment) {
		this.file = YataiConfigLocation.of(environment).file();
		PropertySource<?> osEnv = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		this.osEnvironment = (osEnv != null && osEnv.getSource() instanceof Map<?, ?> map) ? map : Map.of();
	}

	Path file() {
		return this.file;
	}

	/** An environment variable that is present, even empty (BentoML checks {@code "X" in environ}). */
	Optional<String> env(String name) {
		Object value = this.osEnvironment.get(name);
		return Optional.ofNullable(value).map(Object::toString);
	}

	/** BentoML's {@code __env__} context, when {@code BENTO_CLOUD_API_KEY} is present. */
	Optional<YataiContext> environmentContext() {
		return env(API_KEY_ENV).map((token) -> new YataiContext(YataiConfigWriter.ENV_CONTEXT_NAME,
				env(API_ENDPOINT_ENV).orElse(DEFAULT_ENDPOINT), token, null));
	}

	/** The file's content; an empty configuration when there is no file (nothing is written). */
	YataiConfig read() {
		try {
			return this.reader.read(this.file).orElse(YataiConfig.empty());
		}
		catch (YataiConfigException ex) {
			throw unusable(ex);
		}
	}

	/** Read, change and write under the writer's lock; a {@link CliException} leaves the file alone. */
	YataiConfig update(UnaryOperator<YataiConfig> change) {
		try {
			return this.writer.update(this.file, change);
		}
		catch (YataiConfigException ex) {
			throw unusable(ex);
		}
	}

	/** BentoML's "No cloud context NAME found", plus which contexts exist and what to do. */
	CliException noContext(String name, YataiConfig config) {
		List<String> names = config.contextNames();
		String existing = names.isEmpty() ? "There are no contexts in " + this.file
				: "Contexts in " + this.file + ": " + String.join(", ", names);
		return new CliException("No cloud context " + name + " found. " + existing + ". Run `cloud login --api-token "
				+ "TOKEN --context " + name + "` to create it"
				+ (names.isEmpty() ? "." : ", or `cloud update-current-context NAME` to use another."));
	}

	private CliException unusable(YataiConfigException ex) {
		return new CliException("The BentoCloud credentials file cannot be used: " + ex.getMessage()
				+ ". Fix or remove it, then run `cloud login` again.");
	}

}
