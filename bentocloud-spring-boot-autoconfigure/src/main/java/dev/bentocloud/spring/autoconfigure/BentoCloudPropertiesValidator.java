package dev.bentocloud.spring.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.Durations;
import dev.bentocloud.client.support.EditDistance;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsEnvironmentPostProcessor;
import dev.bentocloud.spring.service.BentoServiceInterfacesProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks the {@code bentocloud.*} configuration at startup, so that a mistake stops the
 * application with a report naming the property, where it was set, and the fix, instead
 * of surfacing later as "a network problem" or being silently ignored.
 */
final class BentoCloudPropertiesValidator {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("bentocloud");

	/** Written by the credentials post-processor. */
	private static final Set<String> NOT_CONFIGURATION = Set.of("credentials.source", "credentials.searched",
			"credentials.deployment-url");

	private static final String SERVICES = "services";

	private static final Map<String, String> KNOWN = known(BentoCloudProperties.class);

	static {
		// bentocloud.service-interfaces.* binds to a record of its own
		collect(BentoServiceInterfacesProperties.class, "service-interfaces.", KNOWN);
	}

	private static final Map<String, String> NAMED_SERVICE_KEYS = known(BentoCloudProperties.NamedService.class);

	private BentoCloudPropertiesValidator() {
	}

	static void validate(BentoCloudProperties properties, ConfigurableEnvironment environment) {
		rejectUnknownKeys(environment);
		positive("bentocloud.connect-timeout", properties.connectTimeout(), environment);
		positive("bentocloud.response-timeout", properties.responseTimeout(), environment);
		if (properties.callTimeout() != null) {
			positive("bentocloud.call-timeout", properties.callTimeout(), environment);
		}
		if (properties.maxPages() < 1) {
			throw invalid("bentocloud.max-pages", String.valueOf(properties.maxPages()), environment,
					"it must be at least 1", "Set it to the most pages a list may take, such as 1000.");
		}
		positive("bentocloud.retry.initial-backoff", properties.retry().initialBackoff(), environment);
		positive("bentocloud.retry.max-backoff", properties.retry().maxBackoff(), environment);
		positive("bentocloud.health.timeout", properties.health().timeout(), environment);
		positive("bentocloud.service.timeout", properties.service().timeout(), environment);
		if (properties.service().streamIdleTimeout() != null) {
			positive("bentocloud.service.stream-idle-timeout", properties.service().streamIdleTimeout(), environment);
		}
		if (properties.service().maxResponseSize().toBytes() < 1) {
			throw invalid("bentocloud.service.max-response-size", properties.service().maxResponseSize().toString(),
					environment, "it must be positive",
					"Set it to the largest answer to hold in memory, such as 16MB.");
		}
		if (properties.health().cacheTtl().isNegative()) {
			throw invalid("bentocloud.health.cache-ttl", properties.health().cacheTtl().toString(), environment,
					"it is negative", "Set it to 0s (no caching) or a positive duration such as 10s.");
		}
		if (properties.retry().effectiveMaxRetries() < 0) {
			throw invalid("bentocloud.retry.max-retries", String.valueOf(properties.retry().effectiveMaxRetries()),
					environment, "it is negative", "Set it to 0 (no retries) or a positive number such as 3.");
		}
	}

	/**
	 * The endpoint must be an http(s) URL with a host, and a token may only go over plain
	 * http to loopback unless allowed.
	 */
	static void validateEndpoint(URI endpoint, boolean hasToken, boolean allowInsecure, String property,
			@Nullable ConfigurableEnvironment environment) {
		String shown = BentoCloudEndpoints.displayable(endpoint.toString());
		if (!BentoCloudEndpoints.isHttpUrl(endpoint)) {
			throw invalid(property, shown, environment, "it is not an http(s) URL with a host",
					"Use your organization's endpoint, such as https://acme.cloud.bentoml.com (the scheme is "
							+ "required: 'localhost:8081' is read as scheme 'localhost').");
		}
		if (endpoint.getUserInfo() != null) {
			throw invalid(property, shown, environment, "it contains user info, which BentoCloud does not use",
					"Remove the user info (user:password@) from the endpoint; the API token authenticates.");
		}
		if (hasToken && !allowInsecure && BentoCloudEndpoints.exposesToken(endpoint)) {
			throw invalid(property, shown, environment,
					"the API token would be sent over plain http to " + endpoint.getHost()
							+ ", where anyone on the network can read it",
					"Use an https endpoint, or set bentocloud.allow-insecure-endpoint=true if this is intended.");
		}
	}

	static void positive(String property, Duration duration, @Nullable ConfigurableEnvironment environment) {
		if (!Durations.isPositive(duration)) {
			throw invalid(property, duration.toString(), environment, "it must be positive",
					"Set a positive duration such as 5s or 500ms.");
		}
	}

	/**
	 * Unknown keys in configuration files and on the command line. Not in the OS
	 * environment or the system properties, which are shared with the whole process:
	 * BentoCloud sets {@code BENTOCLOUD_*} variables of its own in a deployment's pods,
	 * and tools set {@code -Dbentocloud.*} properties of theirs; those are not ours to
	 * reject.
	 */
	private static void rejectUnknownKeys(ConfigurableEnvironment environment) {
		for (PropertySource<?> propertySource : environment.getPropertySources()) {
			if (BentoCloudCredentialsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME.equals(propertySource.getName())
					|| ConfigurationPropertySources.isAttachedConfigurationPropertySource(propertySource)
					|| propertySource instanceof SystemEnvironmentPropertySource
					|| StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(propertySource.getName())) {
				continue;
			}
			ConfigurationPropertySource source = ConfigurationPropertySource.from(propertySource);
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.filter(ROOT::isAncestorOf).forEach((name) -> {
				String key = relative(name);
				if (!KNOWN.containsKey(normalized(key)) && !isNamedServiceKey(name) && !isNotConfiguration(key)) {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					String origin = (property != null && property.getOrigin() != null) ? property.getOrigin().toString()
							: propertySource.getName();
					throw new InvalidBentoCloudPropertyException(name.toString(), null, origin,
							"there is no such BentoCloud property", "Did you mean bentocloud." + nearest(name, key)
									+ "? The properties are listed in the README " + "and in your IDE's completion.");
				}
			});
		}
	}

	/**
	 * {@code bentocloud.services.<name>.<key>}: the name is the user's, the key one of
	 * {@link BentoCloudProperties.NamedService}'s.
	 */
	private static boolean isNamedServiceKey(ConfigurationPropertyName name) {
		return name.getNumberOfElements() == 4 && isServices(name) && NAMED_SERVICE_KEYS
			.containsKey(normalized(name.getElement(3, ConfigurationPropertyName.Form.DASHED)));
	}

	private static boolean isServices(ConfigurationPropertyName name) {
		return name.getNumberOfElements() > 1
				&& SERVICES.equals(name.getElement(1, ConfigurationPropertyName.Form.UNIFORM));
	}

	private static boolean isNotConfiguration(String key) {
		// bentocloud.test.* belongs to bentocloud-spring-boot-test (its annotations'
		// attributes).
		return key.startsWith("test.")
				|| NOT_CONFIGURATION.stream().anyMatch((name) -> normalized(name).equals(normalized(key)));
	}

	/**
	 * The key below {@code bentocloud.}, as the source spells it ({@code api.token} from
	 * env).
	 */
	private static String relative(ConfigurationPropertyName name) {
		StringBuilder key = new StringBuilder();
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			key.append((i > 1) ? "." : "").append(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
		}
		return key.toString();
	}

	/**
	 * Relaxed-binding equal names compare equal: {@code api-token}, {@code api.token},
	 * {@code apiToken}.
	 */
	private static String normalized(String key) {
		return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

	private static String nearest(ConfigurationPropertyName name, String key) {
		if (isServices(name) && name.getNumberOfElements() > 2) {
			String service = name.getElement(2, ConfigurationPropertyName.Form.ORIGINAL);
			String wanted = (name.getNumberOfElements() > 3)
					? normalized(name.getElement(3, ConfigurationPropertyName.Form.DASHED)) : "";
			return SERVICES + "." + service + "." + nearest(wanted, NAMED_SERVICE_KEYS);
		}
		return nearest(normalized(key), KNOWN);
	}

	private static String nearest(String wanted, Map<String, String> known) {
		return known.entrySet()
			.stream()
			.min(Comparator
				.comparingInt((Map.Entry<String, String> entry) -> EditDistance.between(wanted, entry.getKey())))
			.map(Map.Entry::getValue)
			.orElse("endpoint");
	}

	static InvalidBentoCloudPropertyException invalid(String property, @Nullable String value,
			@Nullable ConfigurableEnvironment environment, String problem, String action) {
		return new InvalidBentoCloudPropertyException(property, value, origin(property, environment), problem, action);
	}

	/**
	 * Where a property's value was set, as Spring tracks it (file and line for config
	 * files).
	 */
	static String origin(String property, @Nullable ConfigurableEnvironment environment) {
		if (environment == null) {
			return "a BentoCloudConnectionDetails bean";
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return (found.getOrigin() != null) ? found.getOrigin().toString() : String.valueOf(source);
			}
		}
		return "the default";
	}

	/**
	 * Every property of a properties record, normalized name to dashed name; maps (named
	 * services) are checked on their own.
	 */
	private static Map<String, String> known(Class<?> type) {
		Map<String, String> known = new LinkedHashMap<>();
		collect(type, "", known);
		return known;
	}

	private static void collect(Class<?> type, String prefix, Map<String, String> known) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			if (component.getType().isRecord()) {
				collect(component.getType(), name + ".", known);
			}
			else if (Map.class.isAssignableFrom(component.getType())) {
				continue;
			}
			else {
				known.put(normalized(name), name);
			}
		}
	}

}
