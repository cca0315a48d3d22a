package dev.bentocloud.sample.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * The few Spring properties the lean CLI path understands, read as Spring would for them:
 * leading {@code --key=value} arguments, then {@code -D} system properties, then OS
 * environment variables in Spring's relaxed form ({@code BENTOCLOUD_API_TOKEN}), then the
 * jar's {@code application-PROFILE.properties} for one active profile
 * ({@code --spring.profiles.active} or {@code SPRING_PROFILES_ACTIVE}, such as
 * {@code emulator}), then its {@code application.properties}. Of the {@code bentocloud.*}
 * properties, those files may only set {@code bentocloud.credentials.bentoml-sources} (as
 * {@code application-emulator.properties} does) and {@code bentocloud.services.*}, which
 * only the web endpoints use. Anything the lean path would not read exactly as Spring
 * does (another property, several profiles, an external config file, a placeholder) makes
 * {@link #read} return empty, and the command runs on the Spring path instead.
 */
final class LeanCliSettings {

	static final String API_TOKEN = "bentocloud.api-token";

	static final String ENDPOINT = "bentocloud.endpoint";

	static final String CONTEXT = "bentocloud.context";

	static final String CONFIG_FILE = "bentocloud.config-file";

	static final String EMULATOR_PORT = "sample.emulator.port";

	/** Read from the jar's application properties only: elsewhere, the Spring path. */
	static final String BENTOML_SOURCES = "bentocloud.credentials.bentoml-sources";

	/**
	 * Named BentoML services, for the web endpoints; allowed in the jar's application
	 * properties, ignored here.
	 */
	static final String SERVICES = "bentocloud.services.";

	private static final Set<String> ARGUMENTS = Set.of(API_TOKEN, ENDPOINT, CONTEXT, CONFIG_FILE, EMULATOR_PORT,
			TokenInput.READ_TIMEOUT_PROPERTY);

	private static final String PROFILES = "spring.profiles.active";

	private static final String PROFILES_VARIABLE = "SPRING_PROFILES_ACTIVE";

	/**
	 * Relaxed environment names, as Spring's SystemEnvironmentPropertySource maps them.
	 */
	private static final Map<String, String> VARIABLES = Map.of("BENTOCLOUD_API_TOKEN", API_TOKEN,
			"BENTOCLOUD_ENDPOINT", ENDPOINT, "BENTOCLOUD_CONTEXT", CONTEXT, "SAMPLE_EMULATOR_PORT", EMULATOR_PORT);

	/**
	 * Variables of these prefixes that are not above may be Spring properties: Spring
	 * path.
	 */
	private static final Set<String> SPRING_PREFIXES = Set.of("SPRING", "BENTOCLOUD", "SAMPLE", "LOGGING", "MANAGEMENT",
			"SERVER");

	/** BentoCloud's own pod variable, which the starter reads by its exact name only. */
	private static final String DEPLOYMENT_URL = "BENTOCLOUD_DEPLOYMENT_URL";

	private final Map<String, String> arguments;

	private final Map<String, String> systemProperties;

	private final Function<String, @Nullable String> environment;

	private final Properties applicationProperties;

	private final @Nullable String profile;

	private LeanCliSettings(Map<String, String> arguments, Map<String, String> systemProperties,
			Function<String, @Nullable String> environment, Properties applicationProperties,
			@Nullable String profile) {
		this.arguments = arguments;
		this.systemProperties = systemProperties;
		this.environment = environment;
		this.applicationProperties = applicationProperties;
		this.profile = profile;
	}

	/**
	 * The settings, when the lean path can read them exactly as Spring would.
	 * @param springArgs the leading {@code --key=value} arguments
	 * @param variables the OS environment
	 * @return the settings, or empty for the Spring path
	 */
	static Optional<LeanCliSettings> read(String[] springArgs, Map<String, String> variables) {
		Map<String, String> arguments = new LinkedHashMap<>();
		for (String arg : springArgs) {
			int equals = arg.indexOf('=');
			String key = arg.substring(2, equals);
			boolean known = ARGUMENTS.contains(key) || PROFILES.equals(key);
			if (!known || arguments.put(key, arg.substring(equals + 1)) != null) {
				return Optional.empty();
			}
		}
		for (String name : variables.keySet()) {
			String upper = name.toUpperCase(Locale.ROOT);
			int underscore = upper.indexOf('_');
			String prefix = (underscore > 0) ? upper.substring(0, underscore) : upper;
			boolean springLike = SPRING_PREFIXES.contains(prefix) || name.indexOf('.') >= 0;
			boolean known = VARIABLES.containsKey(name) || DEPLOYMENT_URL.equals(name)
					|| PROFILES_VARIABLE.equals(name);
			if (springLike && !known) {
				return Optional.empty();
			}
		}
		Map<String, String> systemProperties = new LinkedHashMap<>();
		for (String name : System.getProperties().stringPropertyNames()) {
			if (ARGUMENTS.contains(name)) {
				systemProperties.put(name, System.getProperty(name));
			}
			else if (name.startsWith("bentocloud.") || name.startsWith("spring.") || name.startsWith("sample.")
					|| name.startsWith("logging.")) {
				return Optional.empty();
			}
		}
		String profile = arguments.remove(PROFILES);
		if (profile == null) {
			profile = variables.get(PROFILES_VARIABLE);
		}
		if (profile != null && !profile.matches("[A-Za-z0-9_-]+")) {
			return Optional.empty();
		}
		Properties application = applicationProperties("application.properties", null);
		if (profile != null) {
			application = applicationProperties("application-" + profile + ".properties", application);
		}
		for (String name : application.stringPropertyNames()) {
			// The web endpoints' BentoML services (profile emulator's "demo"): no
			// command calls a service, so they change no command's output.
			boolean understood = BENTOML_SOURCES.equals(name) || name.startsWith(SERVICES);
			if ((name.startsWith("bentocloud.") && !understood) || name.startsWith("spring.profiles")
					|| name.startsWith("spring.config")) {
				return Optional.empty();
			}
		}
		if (hasExternalConfig(profile)) {
			return Optional.empty();
		}
		LeanCliSettings settings = new LeanCliSettings(arguments, systemProperties, variables::get, application,
				profile);
		for (String key : ARGUMENTS) {
			String value = settings.property(key);
			if (value != null && value.contains("${")) {
				return Optional.empty();
			}
		}
		String bentomlSources = settings.property(BENTOML_SOURCES);
		if (bentomlSources != null && bentomlSources.contains("${")) {
			return Optional.empty();
		}
		return Optional.of(settings);
	}

	/**
	 * A property: command line, then the environment (relaxed), then
	 * {@code application.properties}.
	 * @param key one of the keys above
	 * @return the value, or {@code null}
	 */
	@Nullable String property(String key) {
		String value = this.arguments.getOrDefault(key, this.systemProperties.get(key));
		if (value == null) {
			for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
				if (variable.getValue().equals(key) && this.environment.apply(variable.getKey()) != null) {
					return this.environment.apply(variable.getKey());
				}
			}
			value = this.applicationProperties.getProperty(key);
		}
		return value;
	}

	/**
	 * The first non-blank value of a property in Spring's upper layer (command line,
	 * environment), with its origin as Spring describes it.
	 * @param key the property
	 * @return value and origin, or {@code null}
	 */
	String @Nullable [] aboveWithOrigin(String key) {
		String value = this.arguments.get(key);
		if (value != null && !value.isBlank()) {
			return new String[] { value, "\"" + key + "\" from property source \"commandLineArgs\"" };
		}
		String systemProperty = this.systemProperties.get(key);
		if (systemProperty != null && !systemProperty.isBlank()) {
			return new String[] { systemProperty, "\"" + key + "\" from property source \"systemProperties\"" };
		}
		for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
			String fromEnvironment = this.environment.apply(variable.getKey());
			if (variable.getValue().equals(key) && fromEnvironment != null && !fromEnvironment.isBlank()) {
				return new String[] { fromEnvironment, "System Environment Property \"" + variable.getKey() + "\"" };
			}
		}
		return null;
	}

	/**
	 * Spring's {@code bentocloud.endpoint} (command line, then environment), else the
	 * default.
	 * @return the endpoint
	 */
	String springEndpoint() {
		String[] endpoint = aboveWithOrigin(ENDPOINT);
		return (endpoint != null) ? endpoint[0].strip() : BentoCloudEndpoints.DEFAULT_ENDPOINT;
	}

	/**
	 * The active profile ({@code --spring.profiles.active}, else
	 * {@code SPRING_PROFILES_ACTIVE}).
	 * @return the one active profile, or {@code null} for none
	 */
	@Nullable String profile() {
		return this.profile;
	}

	/** The OS environment, by exact name. */
	Function<String, @Nullable String> environment() {
		return this.environment;
	}

	/** A properties file of the jar, over {@code defaults}. */
	private static Properties applicationProperties(String name, @Nullable Properties defaults) {
		Properties properties = new Properties(defaults);
		try (InputStream in = LeanCliSettings.class.getClassLoader().getResourceAsStream(name)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			properties.setProperty("bentocloud.unreadable", "true");
		}
		return properties;
	}

	/**
	 * Spring Boot's file locations next to the working directory ({@code ./},
	 * {@code ./config/}).
	 */
	private static boolean hasExternalConfig(@Nullable String profile) {
		if (Files.isDirectory(Path.of("config"))) {
			return true;
		}
		String profileFile = "application-" + ((profile != null) ? profile : "default") + ".";
		for (String extension : new String[] { "properties", "yml", "yaml", "xml" }) {
			if (Files.exists(Path.of("application." + extension)) || Files.exists(Path.of(profileFile + extension))) {
				return true;
			}
		}
		return false;
	}

}
