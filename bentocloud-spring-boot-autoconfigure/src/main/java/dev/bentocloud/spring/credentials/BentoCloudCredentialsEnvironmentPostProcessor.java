package dev.bentocloud.spring.credentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;

/**
 * Resolves the BentoCloud API token and endpoint from Spring properties, BentoML's environment
 * variables and BentoML's credentials file, and publishes the result as the property source
 * {@value #PROPERTY_SOURCE_NAME}, so that the rest of the starter only reads
 * {@link BentoCloudProperties}.
 * <p>
 * Layers, highest first. The first layer that supplies a token wins:
 * <ol>
 * <li>Spring's own sources above the config files: command-line arguments, system properties,
 * and OS environment variables in Spring's relaxed form ({@code BENTOCLOUD_API_TOKEN},
 * {@code BENTOCLOUD_ENDPOINT}). A blank value does not count as a token.</li>
 * <li>BentoML's environment variables. As in BentoML's Python client, {@code BENTO_CLOUD_API_KEY}
 * that is present, even empty, wins over the credentials file; its endpoint is
 * {@code BENTO_CLOUD_API_ENDPOINT}.</li>
 * <li>Config data: {@code application.yml} / {@code application.properties}, profile-specific
 * files, imports.</li>
 * <li>One context of the credentials file: {@code bentocloud.config-file}, else
 * {@code $BENTOML_HOME/.yatai.yaml}, else {@code ~/bentoml/.yatai.yaml} (then
 * {@code ~/.bentoml/.yatai.yaml}). The context is {@code bentocloud.context} (or
 * {@code BENTOML_CLOUD_CONTEXT}, ranked between layers 1 and 3), else the file's
 * {@code current_context_name}. The file supplies token and endpoint together.</li>
 * <li>No token: the application starts, with one warning naming where the starter looked.</li>
 * </ol>
 * <p>
 * <b>Which endpoint goes with the token.</b> The endpoint comes from the layer that supplied the
 * token when that layer names one. When it names none, the endpoint is the
 * {@code bentocloud.endpoint} of Spring's own configuration (layers 1 and 3, usual Spring
 * precedence), else {@value BentoCloudProperties#DEFAULT_ENDPOINT}. Two sources are never used
 * for a token from another layer: {@code BENTO_CLOUD_API_ENDPOINT} only goes with
 * {@code BENTO_CLOUD_API_KEY} (BentoML ignores it on its own too), and a file context's endpoint
 * only goes with that context's token. Conversely, a file context's token always goes to that
 * context's endpoint, even when {@code bentocloud.endpoint} is set (a warning says so): a token
 * is never sent to an endpoint that belongs to someone else's login. For example,
 * {@code BENTO_CLOUD_API_KEY} alone with {@code bentocloud.endpoint} in {@code application.yml}
 * uses that endpoint; {@code BENTO_CLOUD_API_KEY} alone next to a credentials file uses the
 * default endpoint, not the file's.
 * <p>
 * Published properties: {@code bentocloud.api-token} (when a layer supplied one),
 * {@code bentocloud.endpoint}, {@value BentoCloudCredentialsSource#SOURCE_PROPERTY} and, when no
 * usable token was found, {@value BentoCloudCredentialsSource#SEARCHED_PROPERTY}. A credentials
 * file that is needed but broken, or a context that does not exist, stops startup with an
 * {@link InvalidCredentialsFileException}; when a higher layer supplied the token, a broken file
 * is only a warning. Nothing is resolved when {@code bentocloud.enabled=false}. The token is never
 * logged.
 */
public class BentoCloudCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the resolved credentials. */
	public static final String PROPERTY_SOURCE_NAME = "bentocloudCredentials";

	/** Runs after config data (application.yml, profiles) has been loaded. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	static final String API_KEY_ENV = "BENTO_CLOUD_API_KEY";

	static final String API_ENDPOINT_ENV = "BENTO_CLOUD_API_ENDPOINT";

	static final String CONTEXT_ENV = "BENTOML_CLOUD_CONTEXT";

	static final String HOME_ENV = "BENTOML_HOME";

	private static final String FILE_NAME = ".yatai.yaml";

	private static final ConfigurationPropertyName TOKEN = ConfigurationPropertyName.of("bentocloud.api-token");

	private static final ConfigurationPropertyName ENDPOINT = ConfigurationPropertyName.of("bentocloud.endpoint");

	private static final ConfigurationPropertyName CONTEXT = ConfigurationPropertyName.of("bentocloud.context");

	private static final ConfigurationPropertyName CONFIG_FILE = ConfigurationPropertyName.of("bentocloud.config-file");

	private static final ConfigurationPropertyName ENABLED = ConfigurationPropertyName.of("bentocloud.enabled");

	private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

	private final Log logger;

	private final YataiConfigReader reader = new YataiConfigReader();

	public BentoCloudCredentialsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(BentoCloudCredentialsEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources propertySources = environment.getPropertySources();
		propertySources.remove(PROPERTY_SOURCE_NAME);
		Resolution resolution = new Resolution(environment);
		if (!resolution.enabled()) {
			this.logger.debug("bentocloud.enabled=false: BentoCloud credentials are not resolved");
			return;
		}
		Credentials credentials = resolution.resolve();
		Map<String, Object> published = new LinkedHashMap<>();
		if (credentials.token() != null) {
			published.put("bentocloud.api-token", credentials.token());
		}
		published.put("bentocloud.endpoint", credentials.endpoint());
		published.put(BentoCloudCredentialsSource.SOURCE_PROPERTY, credentials.source());
		if (!credentials.hasToken()) {
			published.put(BentoCloudCredentialsSource.SEARCHED_PROPERTY, String.join("; ", credentials.searched()));
		}
		propertySources.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, published));
		ConfigurationPropertySources.attach(environment);
		resolution.warnings.forEach(this.logger::warn);
		if (credentials.hasToken()) {
			this.logger.info("BentoCloud credentials from " + credentials.source() + " (endpoint "
					+ displayable(credentials.endpoint()) + ")");
		}
		else {
			this.logger.warn(BentoCloudCredentialsGuidance.noToken(credentials.searched())
					+ " The application starts, but BentoCloud calls will fail.");
		}
	}

	/** The endpoint without user info, for log lines. */
	static String displayable(String endpoint) {
		try {
			URI uri = new URI(endpoint);
			if (uri.getUserInfo() != null) {
				return new URI(uri.getScheme(), "******", uri.getHost(), uri.getPort(), uri.getPath(), null, null)
					.toString();
			}
			return endpoint;
		}
		catch (URISyntaxException ex) {
			return "<invalid URL>";
		}
	}

	/** The outcome: token (null when no layer supplied one), endpoint, source, and where we looked. */
	record Credentials(String token, String endpoint, String source, List<String> searched) {

		boolean hasToken() {
			return this.token != null && !this.token.isBlank();
		}

	}

	/** A value found in a Spring layer, with where it came from. */
	private record Found(String value, String origin) {
	}

	/** One resolution run over one environment. */
	private final class Resolution {

		private final ConfigurableEnvironment environment;

		/** Layer 1: Spring's sources down to and including the OS environment. */
		private final List<PropertySource<?>> springSources = new ArrayList<>();

		/** Layer 3: everything below the OS environment (config data, default properties). */
		private final List<PropertySource<?>> configSources = new ArrayList<>();

		private final Map<?, ?> osEnvironment;

		private final List<String> searched = new ArrayList<>();

		private final List<String> warnings = new ArrayList<>();

		/** The documented alternative to ~/bentoml/.yatai.yaml, when neither exists. */
		private Path alsoMissing;

		Resolution(ConfigurableEnvironment environment) {
			this.environment = environment;
			List<PropertySource<?>> all = new ArrayList<>();
			environment.getPropertySources().forEach(all::add);
			int boundary = indexOf(all, StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
			if (boundary < 0) {
				boundary = indexOf(all, StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
			}
			for (int i = 0; i < all.size(); i++) {
				PropertySource<?> source = all.get(i);
				if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
					((i <= boundary) ? this.springSources : this.configSources).add(source);
				}
			}
			PropertySource<?> osEnv = environment.getPropertySources()
				.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
			this.osEnvironment = (osEnv != null && osEnv.getSource() instanceof Map<?, ?> map) ? map : Map.of();
		}

		private static int indexOf(List<PropertySource<?>> sources, String name) {
			for (int i = 0; i < sources.size(); i++) {
				if (sources.get(i).getName().equals(name)) {
					return i;
				}
			}
			return -1;
		}

		boolean enabled() {
			Found enabled = find(all(), ENABLED, false);
			return enabled == null || !"false".equalsIgnoreCase(enabled.value().strip());
		}

		Credentials resolve() {
			Found token = find(this.springSources, TOKEN, true);
			if (token != null) {
				return fromSpring(token, this.springSources);
			}
			this.searched.add("property bentocloud.api-token (command line, system properties, "
					+ "environment variable BENTOCLOUD_API_TOKEN, application properties): not set");
			if (this.osEnvironment.containsKey(API_KEY_ENV)) {
				return fromBentoEnvironment();
			}
			this.searched.add("environment variable " + API_KEY_ENV + ": not set");
			token = find(this.configSources, TOKEN, true);
			if (token != null) {
				this.searched.clear();
				return fromSpring(token, this.configSources);
			}
			return fromFile();
		}

		private Credentials fromSpring(Found token, List<PropertySource<?>> layer) {
			String endpoint = endpointOf(layer);
			warnIfFileBroken("property bentocloud.api-token");
			return new Credentials(token.value(), endpoint, "properties:" + token.origin(), List.of());
		}

		private Credentials fromBentoEnvironment() {
			String token = String.valueOf(this.osEnvironment.get(API_KEY_ENV));
			String endpoint = env(API_ENDPOINT_ENV);
			if (endpoint == null) {
				endpoint = endpointOf(List.of());
			}
			if (token.isBlank()) {
				this.searched.add("environment variable " + API_KEY_ENV
						+ ": set but empty (as in BentoML, that means: use the environment, not the credentials file)");
			}
			else {
				this.searched.clear();
				warnIfFileBroken("environment variable " + API_KEY_ENV);
			}
			return new Credentials(token, endpoint, "env:" + API_KEY_ENV, List.copyOf(this.searched));
		}

		private Credentials fromFile() {
			Optional<Path> path = credentialsFile();
			String fallbackEndpoint = endpointOf(List.of());
			if (path.isEmpty()) {
				return new Credentials(null, fallbackEndpoint, BentoCloudCredentialsSource.NONE,
						List.copyOf(this.searched));
			}
			Path file = path.get();
			Optional<YataiConfig> config;
			try {
				config = reader.read(file);
			}
			catch (YataiConfigException ex) {
				throw new InvalidCredentialsFileException(ex);
			}
			if (config.isEmpty()) {
				this.searched.add("credentials file " + file + ": not found");
				if (this.alsoMissing != null) {
					this.searched.add("credentials file " + this.alsoMissing + ": not found");
				}
				return new Credentials(null, fallbackEndpoint, BentoCloudCredentialsSource.NONE,
						List.copyOf(this.searched));
			}
			Found requested = requestedContext();
			String name = (requested != null) ? requested.value() : config.get().currentContextName();
			Optional<YataiContext> context = config.get().context(name);
			if (context.isEmpty()) {
				if (requested == null && config.get().contexts().isEmpty()) {
					this.searched.add("credentials file " + file + ": no contexts");
					return new Credentials(null, fallbackEndpoint, BentoCloudCredentialsSource.NONE,
							List.copyOf(this.searched));
				}
				String selectedBy = (requested != null) ? requested.origin()
						: "current_context_name in the file" + (config.get().raw().has("current_context_name") ? ""
								: " (absent, so 'default')");
				throw new InvalidCredentialsFileException(file,
						"it has no context '" + name + "' (selected by " + selectedBy + ")",
						config.get().contextNames(), name);
			}
			YataiContext selected = context.get();
			checkEndpoint(file, selected, config.get());
			Found springEndpoint = find(all(), ENDPOINT, true);
			if (springEndpoint != null && !springEndpoint.value().equals(selected.endpoint())) {
				this.warnings.add("bentocloud.endpoint (" + springEndpoint.origin() + ") is ignored: the token comes "
						+ "from context '" + selected.name() + "' of " + file + ", and is only sent to that context's "
						+ "endpoint " + displayable(selected.endpoint()));
			}
			String source = "file:" + file + "#" + selected.name();
			if (!selected.hasApiToken()) {
				this.searched.add("credentials file " + file + ": context '" + selected.name() + "' has an empty api_token");
			}
			return new Credentials(selected.apiToken(), selected.endpoint(), source, List.copyOf(this.searched));
		}

		private void checkEndpoint(Path file, YataiContext context, YataiConfig config) {
			try {
				URI uri = new URI(context.endpoint());
				if (uri.getHost() != null
						&& ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
					return;
				}
			}
			catch (URISyntaxException ex) {
				// reported below
			}
			throw new InvalidCredentialsFileException(file,
					"the endpoint of context '" + context.name() + "' is not an http(s) URL", config.contextNames(), null);
		}

		/** Context asked for by the user: layer 1, then BENTOML_CLOUD_CONTEXT, then layer 3. */
		private Found requestedContext() {
			Found context = find(this.springSources, CONTEXT, true);
			if (context == null && env(CONTEXT_ENV) != null) {
				context = new Found(env(CONTEXT_ENV), "environment variable " + CONTEXT_ENV);
			}
			if (context == null) {
				context = find(this.configSources, CONTEXT, true);
			}
			return context;
		}

		/**
		 * The credentials file to read: bentocloud.config-file, $BENTOML_HOME/.yatai.yaml, or the
		 * first of ~/bentoml/.yatai.yaml and ~/.bentoml/.yatai.yaml that exists. Records the
		 * candidates that do not exist.
		 */
		private Optional<Path> credentialsFile() {
			Found configured = find(all(), CONFIG_FILE, true);
			if (configured != null) {
				return Optional.of(Path.of(expandHome(configured.value())));
			}
			String bentomlHome = env(HOME_ENV);
			if (bentomlHome != null) {
				return Optional.of(Path.of(expandVariables(bentomlHome)).resolve(FILE_NAME));
			}
			Path home = Path.of(userHome());
			Path standard = home.resolve("bentoml").resolve(FILE_NAME);
			Path documented = home.resolve(".bentoml").resolve(FILE_NAME);
			if (Files.exists(standard) || !Files.exists(documented)) {
				this.alsoMissing = Files.exists(standard) ? null : documented;
				return Optional.of(standard);
			}
			this.searched.add("credentials file " + standard + ": not found");
			return Optional.of(documented);
		}

		/** Reads the file only to warn about it: a higher layer supplied the token. */
		private void warnIfFileBroken(String tokenSource) {
			try {
				Optional<Path> file = credentialsFile();
				if (file.isPresent()) {
					reader.read(file.get());
				}
			}
			catch (YataiConfigException ex) {
				this.warnings.add("Ignoring the BentoCloud credentials file " + ex.getFile()
						+ ex.getLine().stream().mapToObj((line) -> " (line " + line + ")").findFirst().orElse("")
						+ ", which cannot be used: " + ex.getProblem() + ". The token comes from " + tokenSource
						+ ".");
			}
			finally {
				this.searched.clear();
			}
		}

		/** The endpoint of the given layer, else of Spring's configuration, else the default. */
		private String endpointOf(List<PropertySource<?>> layer) {
			Found endpoint = find(layer, ENDPOINT, true);
			if (endpoint == null) {
				endpoint = find(all(), ENDPOINT, true);
			}
			return (endpoint != null) ? endpoint.value().strip() : BentoCloudProperties.DEFAULT_ENDPOINT;
		}

		private List<PropertySource<?>> all() {
			List<PropertySource<?>> all = new ArrayList<>(this.springSources);
			all.addAll(this.configSources);
			return all;
		}

		private Found find(List<PropertySource<?>> sources, ConfigurationPropertyName name, boolean skipBlank) {
			for (ConfigurationPropertySource source : ConfigurationPropertySources.from(sources)) {
				ConfigurationProperty property = source.getConfigurationProperty(name);
				if (property != null && property.getValue() != null) {
					String value = this.environment.resolveRequiredPlaceholders(String.valueOf(property.getValue()));
					if (!skipBlank || !value.isBlank()) {
						Object origin = (property.getOrigin() != null) ? property.getOrigin()
								: source.getUnderlyingSource();
						return new Found(value, String.valueOf(origin));
					}
				}
			}
			return null;
		}

		/** An OS environment variable that is set and not blank. */
		private String env(String name) {
			Object value = this.osEnvironment.get(name);
			return (value != null && !value.toString().isBlank()) ? value.toString() : null;
		}

		private String userHome() {
			String home = env("HOME");
			return (home != null) ? home : System.getProperty("user.home");
		}

		private String expandHome(String path) {
			if (path.equals("~") || path.startsWith("~/")) {
				return userHome() + path.substring(1);
			}
			return path;
		}

		/** BentoML expands $VAR, ${VAR} and ~ in BENTOML_HOME. */
		private String expandVariables(String path) {
			StringBuilder expanded = new StringBuilder();
			Matcher matcher = VARIABLE.matcher(path);
			while (matcher.find()) {
				String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
				Object value = this.osEnvironment.get(name);
				// Like Python's expandvars: unknown variables stay as they are.
				matcher.appendReplacement(expanded,
						Matcher.quoteReplacement((value != null) ? value.toString() : matcher.group()));
			}
			matcher.appendTail(expanded);
			return expandHome(expanded.toString());
		}

	}

}
