package dev.bentocloud.sample.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.bentocloud.client.BentoCloudEndpoints;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfig;
import dev.bentocloud.client.credentials.YataiConfigException;
import dev.bentocloud.client.credentials.YataiConfigLocation;
import dev.bentocloud.client.credentials.YataiConfigReader;
import dev.bentocloud.client.credentials.YataiConfigWriter;
import dev.bentocloud.client.credentials.YataiContext;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the {@code cloud} commands share: the credentials file the starter also reads
 * ({@link YataiConfigLocation}: {@code bentocloud.config-file},
 * {@code $BENTOML_HOME/.yatai.yaml}, {@code ~/bentoml/.yatai.yaml}), and BentoML's
 * environment variables, read by their exact names as BentoML's Python client does.
 */
final class CloudContexts {

	private final Path file;

	private final BentoMlEnvironment variables;

	private final YataiConfigReader reader = new YataiConfigReader();

	private final YataiConfigWriter writer = new YataiConfigWriter(this.reader);

	CloudContexts(ConfigurableEnvironment environment) {
		this.variables = BentoMlEnvironment.of(environment);
		this.file = YataiConfigLocation.resolve(environment.getProperty("bentocloud.config-file"), this.variables)
			.file();
	}

	Path file() {
		return this.file;
	}

	/**
	 * An environment variable that is present, even empty (BentoML checks
	 * {@code "X" in environ}).
	 */
	Optional<String> env(String name) {
		return this.variables.present(name);
	}

	/** BentoML's {@code __env__} context, when {@code BENTO_CLOUD_API_KEY} is present. */
	Optional<YataiContext> environmentContext() {
		return env(BentoMlEnvironment.API_KEY).map((token) -> new YataiContext(YataiConfigWriter.ENV_CONTEXT_NAME,
				env(BentoMlEnvironment.API_ENDPOINT).orElse(BentoCloudEndpoints.DEFAULT_ENDPOINT), token, null));
	}

	/**
	 * The file's content; an empty configuration when there is no file (nothing is
	 * written).
	 */
	YataiConfig read() {
		try {
			return this.reader.read(this.file).orElse(YataiConfig.empty());
		}
		catch (YataiConfigException ex) {
			throw unusable(ex);
		}
	}

	/**
	 * Read, change and write under the writer's lock; a {@link CliException} leaves the
	 * file alone.
	 */
	YataiConfig update(UnaryOperator<YataiConfig> change) {
		try {
			return this.writer.update(this.file, change);
		}
		catch (YataiConfigException ex) {
			throw unusable(ex);
		}
	}

	/**
	 * BentoML's "No cloud context NAME found", plus which contexts exist and what to do.
	 */
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
