package dev.bentocloud.spring.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.bentocloud.client.support.EditDistance;
import dev.bentocloud.spring.service.BentoServiceInterfacesProperties;

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
 * Stops startup on a {@code bentocloud.*} key that no property has, naming the nearest
 * one: Boot ignores unknown keys, so a typo would otherwise be silently ignored. The
 * report never shows the value, which may be a token under a misspelled key.
 */
final class UnknownBentoCloudProperties {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("bentocloud");

	private static final String SERVICES = "services";

	private static final Map<String, String> KNOWN = known(BentoCloudProperties.class);

	static {
		// bentocloud.service-interfaces.* binds to a class of its own
		collect(BentoServiceInterfacesProperties.class, "service-interfaces.", KNOWN);
	}

	private static final Map<String, String> NAMED_SERVICE_KEYS = known(BentoCloudProperties.NamedService.class);

	private UnknownBentoCloudProperties() {
	}

	/**
	 * Unknown keys in configuration files and on the command line. Not in the OS
	 * environment or the system properties, which are shared with the whole process:
	 * BentoCloud sets {@code BENTOCLOUD_*} variables of its own in a deployment's pods,
	 * and tools set {@code -Dbentocloud.*} properties of theirs; those are not ours to
	 * reject.
	 */
	static void reject(ConfigurableEnvironment environment) {
		// The sources Boot's binder uses: their relaxed names are already listed.
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source.getUnderlyingSource() instanceof PropertySource<?> propertySource)
					|| propertySource instanceof SystemEnvironmentPropertySource
					|| StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(propertySource.getName())
					|| !(source instanceof IterableConfigurationPropertySource iterable)) {
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
		return key.startsWith("test.");
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

	/**
	 * Every property of a properties class or record, normalized name to dashed name;
	 * maps (named services) are checked on their own.
	 */
	private static Map<String, String> known(Class<?> type) {
		Map<String, String> known = new LinkedHashMap<>();
		collect(type, "", known);
		return known;
	}

	private static void collect(Class<?> type, String prefix, Map<String, String> known) {
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
				continue;
			}
			String name = prefix + field.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			if (field.getType().isRecord() || BentoCloudPropertiesCheck.isNested(field.getType())) {
				collect(field.getType(), name + ".", known);
			}
			else if (Map.class.isAssignableFrom(field.getType())) {
				continue;
			}
			else {
				known.put(normalized(name), name);
			}
		}
	}

}
