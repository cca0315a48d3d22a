package dev.bentocloud.client.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * BentoML's credential chain, as {@code bentoml} resolves it: {@code BENTO_CLOUD_API_KEY}
 * (with {@code BENTO_CLOUD_API_ENDPOINT}) when it is set, even empty; else one context of
 * {@code .yatai.yaml}, which supplies token and endpoint together.
 *
 * <pre>{@code
 * BentoCloudCredentials credentials = BentoCloudCredentialsResolver.bentoml().resolve();
 * BentoCloudClient client = BentoCloudClient.builder().credentials(credentials).build();
 * }</pre>
 * <p>
 * The file is {@link #configFile(String) given}, else found as
 * {@link YataiConfigLocation} says; the context is {@link #context(String, String)
 * given}, else {@code BENTOML_CLOUD_CONTEXT}, else the file's
 * {@code current_context_name}. Without a token, the result says where the resolver
 * looked. A file that exists but cannot be used, or a context that does not exist, throws
 * {@link YataiConfigException}; messages never contain a token.
 * <p>
 * While a {@link TestCredentialsOverride} is installed (by test support), a resolver on
 * {@link BentoMlEnvironment#system()}, such as {@link #bentoml()}, resolves to its
 * credentials and reads neither the environment variables nor the file.
 *
 * @since 0.1.0
 */
public final class BentoCloudCredentialsResolver {

	private final BentoMlEnvironment environment;

	private final YataiConfigReader reader;

	private @Nullable String configFile;

	private @Nullable String context;

	private String contextSelectedBy = "";

	private String defaultEndpoint = BentoCloudEndpoints.DEFAULT_ENDPOINT;

	private BentoCloudCredentialsResolver(BentoMlEnvironment environment, YataiConfigReader reader) {
		this.environment = environment;
		this.reader = reader;
	}

	/**
	 * A resolver on the process's environment variables and home folder.
	 * @return the resolver
	 */
	public static BentoCloudCredentialsResolver bentoml() {
		return of(BentoMlEnvironment.system());
	}

	/**
	 * A resolver on the given environment.
	 * @param environment the environment variables
	 * @return the resolver
	 */
	public static BentoCloudCredentialsResolver of(BentoMlEnvironment environment) {
		return of(environment, new YataiConfigReader());
	}

	/**
	 * A resolver on the given environment, reading files with the given reader.
	 * @param environment the environment variables
	 * @param reader the credentials file reader
	 * @return the resolver
	 */
	public static BentoCloudCredentialsResolver of(BentoMlEnvironment environment, YataiConfigReader reader) {
		return new BentoCloudCredentialsResolver(environment, reader);
	}

	/**
	 * The credentials file to read instead of BentoML's default location.
	 * @param configFile the path ({@code ~} expanded), or {@code null} for the default
	 * @return this resolver
	 */
	public BentoCloudCredentialsResolver configFile(@Nullable String configFile) {
		this.configFile = configFile;
		return this;
	}

	/**
	 * The context to use instead of {@code BENTOML_CLOUD_CONTEXT} or the file's current
	 * one.
	 * @param context the context name, or {@code null}
	 * @param selectedBy what selected it, for messages (e.g.
	 * {@code property bentocloud.context})
	 * @return this resolver
	 */
	public BentoCloudCredentialsResolver context(@Nullable String context, String selectedBy) {
		this.context = context;
		this.contextSelectedBy = selectedBy;
		return this;
	}

	/**
	 * The endpoint when the source of the token names none (default
	 * {@code https://cloud.bentoml.com}).
	 * @param defaultEndpoint the endpoint
	 * @return this resolver
	 */
	public BentoCloudCredentialsResolver defaultEndpoint(String defaultEndpoint) {
		this.defaultEndpoint = defaultEndpoint;
		return this;
	}

	/**
	 * The credentials file this resolver reads.
	 * @return its location
	 */
	public YataiConfigLocation location() {
		return YataiConfigLocation.resolve(this.configFile, this.environment);
	}

	/**
	 * Reads the credentials file, without selecting a context.
	 * @return the file's content, or empty when there is no file
	 * @throws YataiConfigException when the file exists but cannot be used
	 */
	public Optional<YataiConfig> readFile() {
		if (testOverride().isPresent()) {
			return Optional.empty();
		}
		return this.reader.read(location().file());
	}

	/**
	 * The whole chain: the environment, then the file.
	 * @return the credentials; without a token, {@link BentoCloudCredentials#searched()}
	 * says where the resolver looked
	 * @throws YataiConfigException when the file is needed but cannot be used
	 */
	public BentoCloudCredentials resolve() {
		// fromEnvironment() answers with a test override, if any.
		Optional<BentoCloudCredentials> fromEnvironment = fromEnvironment();
		if (fromEnvironment.isPresent()) {
			return fromEnvironment.get();
		}
		BentoCloudCredentials fromFile = fromFile();
		List<String> searched = new ArrayList<>();
		searched.add("environment variable " + BentoMlEnvironment.API_KEY + ": not set");
		searched.addAll(fromFile.searched());
		return new BentoCloudCredentials(fromFile.endpoint(), fromFile.apiToken(), fromFile.source(),
				fromFile.hasApiToken() ? List.of() : searched);
	}

	/**
	 * {@code BENTO_CLOUD_API_KEY} and {@code BENTO_CLOUD_API_ENDPOINT}. As in BentoML, a
	 * key that is set but empty still wins over the file (and then supplies no token).
	 * @return the credentials, or empty when {@code BENTO_CLOUD_API_KEY} is not set
	 */
	public Optional<BentoCloudCredentials> fromEnvironment() {
		Optional<BentoCloudCredentials> testOverride = testOverride();
		if (testOverride.isPresent()) {
			return testOverride;
		}
		return this.environment.present(BentoMlEnvironment.API_KEY).map((token) -> {
			String endpoint = this.environment.nonBlank(BentoMlEnvironment.API_ENDPOINT)
				.map(String::strip)
				.orElse(this.defaultEndpoint);
			List<String> searched = token.isBlank() ? List.of("environment variable " + BentoMlEnvironment.API_KEY
					+ ": set but empty (as in " + "BentoML, that means: use the environment, not the credentials file)")
					: List.of();
			return new BentoCloudCredentials(endpoint, token, "env:" + BentoMlEnvironment.API_KEY, searched);
		});
	}

	/**
	 * The selected context of the credentials file.
	 * @return the context's credentials, or, when there is no file, no context or an
	 * empty token, credentials without a token that say where the resolver looked
	 * @throws YataiConfigException when the file cannot be used or the selected context
	 * does not exist
	 */
	public BentoCloudCredentials fromFile() {
		Optional<BentoCloudCredentials> testOverride = testOverride();
		if (testOverride.isPresent()) {
			return testOverride.get();
		}
		YataiConfigLocation location = location();
		List<String> searched = new ArrayList<>();
		if (location.skipped() != null) {
			searched.add("credentials file " + location.skipped() + ": not found");
		}
		Path file = location.file();
		Optional<YataiConfig> read = this.reader.read(file);
		if (read.isEmpty()) {
			searched.add("credentials file " + file + ": not found");
			if (location.alsoMissing() != null) {
				searched.add("credentials file " + location.alsoMissing() + ": not found");
			}
			return none(searched);
		}
		YataiConfig config = read.get();
		String requested = requestedContext();
		String name = (requested != null) ? requested : config.currentContextName();
		Optional<YataiContext> context = config.context(name);
		if (context.isEmpty()) {
			if (requested == null && config.contexts().isEmpty()) {
				searched.add("credentials file " + file + ": no contexts");
				return none(searched);
			}
			String selectedBy = (requested != null) ? selectedBy() : "current_context_name in the file"
					+ (config.raw().has("current_context_name") ? "" : " (absent, so 'default')");
			throw new YataiConfigException(file,
					"it has no context '" + config.displayable(name) + "' (selected by " + selectedBy + ")",
					config.displayableContextNames(), config.displayable(name));
		}
		YataiContext selected = context.get();
		String shownName = config.displayable(selected.name());
		if (!BentoCloudEndpoints.isHttpUrl(selected.endpoint())) {
			throw new YataiConfigException(file, "the endpoint of context '" + shownName + "' is not an http(s) URL",
					config.displayableContextNames(), null);
		}
		if (!selected.hasApiToken()) {
			searched.add("credentials file " + file + ": context '" + shownName + "' has an empty api_token");
		}
		return new BentoCloudCredentials(selected.endpoint(), selected.apiToken(), "file:" + file + "#" + shownName,
				searched);
	}

	/** Test support's redirect, which only applies to the process's own environment. */
	private Optional<BentoCloudCredentials> testOverride() {
		return this.environment.isSystem() ? TestCredentialsOverride.current() : Optional.empty();
	}

	private @Nullable String requestedContext() {
		if (this.context != null && !this.context.isBlank()) {
			return this.context;
		}
		return this.environment.nonBlank(BentoMlEnvironment.CLOUD_CONTEXT).orElse(null);
	}

	private String selectedBy() {
		return (this.context != null && !this.context.isBlank()) ? this.contextSelectedBy
				: "environment variable " + BentoMlEnvironment.CLOUD_CONTEXT;
	}

	private BentoCloudCredentials none(List<String> searched) {
		return new BentoCloudCredentials(this.defaultEndpoint, null, BentoCloudCredentials.NONE, searched);
	}

}
