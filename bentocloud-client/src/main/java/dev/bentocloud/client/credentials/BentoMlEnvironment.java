package dev.bentocloud.client.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * BentoML's environment variables, read by their exact names as BentoML's Python client
 * does, from a lookup that tests (and Spring's environment) can replace.
 *
 * @since 0.1.0
 */
public final class BentoMlEnvironment {

	/** The API token; present, even empty, means "use the environment, not the file". */
	public static final String API_KEY = "BENTO_CLOUD_API_KEY";

	/** The endpoint that goes with {@link #API_KEY}. */
	public static final String API_ENDPOINT = "BENTO_CLOUD_API_ENDPOINT";

	/** The {@code .yatai.yaml} context to use. */
	public static final String CLOUD_CONTEXT = "BENTOML_CLOUD_CONTEXT";

	/** BentoML's home folder, which holds {@code .yatai.yaml}. */
	public static final String HOME = "BENTOML_HOME";

	/**
	 * Set by BentoCloud in the pods of a deployment (BentoML's
	 * {@code running_inside_container}).
	 */
	public static final String DEPLOYMENT_URL = "BENTOCLOUD_DEPLOYMENT_URL";

	private final Function<String, @Nullable String> lookup;

	private final boolean system;

	private BentoMlEnvironment(Function<String, @Nullable String> lookup, boolean system) {
		this.lookup = lookup;
		this.system = system;
	}

	/**
	 * The process's environment variables. A resolver on this environment honours a
	 * {@link TestCredentialsOverride} while one is installed.
	 * @return the environment
	 */
	public static BentoMlEnvironment system() {
		return new BentoMlEnvironment(System::getenv, true);
	}

	/**
	 * Variables from a lookup.
	 * @param lookup a variable's value, or {@code null} when it is unset
	 * @return the environment
	 */
	public static BentoMlEnvironment of(Function<String, @Nullable String> lookup) {
		return new BentoMlEnvironment(lookup, false);
	}

	/**
	 * The OS environment as a Spring environment holds it (its {@code systemEnvironment}
	 * property source, which tests may replace), by exact name.
	 * @param environment the Spring environment
	 * @return the environment
	 */
	public static BentoMlEnvironment of(ConfigurableEnvironment environment) {
		PropertySource<?> source = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		Map<?, ?> variables = (source != null && source.getSource() instanceof Map<?, ?> map) ? map : Map.of();
		return new BentoMlEnvironment((name) -> {
			Object value = variables.get(name);
			return (value != null) ? value.toString() : null;
		}, false);
	}

	/**
	 * A variable that is set, even empty (BentoML checks {@code "X" in os.environ}).
	 * @param name the variable
	 * @return its value
	 */
	public Optional<String> present(String name) {
		return Optional.ofNullable(this.lookup.apply(name));
	}

	/**
	 * A variable that is set and not blank.
	 * @param name the variable
	 * @return its value
	 */
	public Optional<String> nonBlank(String name) {
		return present(name).filter((value) -> !value.isBlank());
	}

	/**
	 * Whether this is the process's own environment, the one a
	 * {@link TestCredentialsOverride} redirects.
	 */
	boolean isSystem() {
		return this.system;
	}

	/** The raw lookup, for {@link YataiConfigLocation}. */
	Function<String, @Nullable String> lookup() {
		return this.lookup;
	}

}
