package dev.bentocloud.spring.credentials;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Spring's property sources in the two layers the credential chain puts around BentoML's
 * environment variables: {@linkplain #above() above} (command line, system properties, OS
 * environment in relaxed form) and {@linkplain #below() below} (config data such as
 * {@code application.yml}, default properties). Lookups use relaxed names, resolve
 * placeholders, and say where a value was set.
 */
final class SpringPropertyLayers {

	static final ConfigurationPropertyName TOKEN = ConfigurationPropertyName.of("bentocloud.api-token");

	static final ConfigurationPropertyName ENDPOINT = ConfigurationPropertyName.of("bentocloud.endpoint");

	static final ConfigurationPropertyName CONTEXT = ConfigurationPropertyName.of("bentocloud.context");

	static final ConfigurationPropertyName CONFIG_FILE = ConfigurationPropertyName.of("bentocloud.config-file");

	static final ConfigurationPropertyName ENABLED = ConfigurationPropertyName.of("bentocloud.enabled");

	static final ConfigurationPropertyName BENTOML_SOURCES = ConfigurationPropertyName
		.of("bentocloud.credentials.bentoml-sources");

	private final ConfigurableEnvironment environment;

	private final List<ConfigurationPropertySource> above;

	private final List<ConfigurationPropertySource> below;

	private final List<ConfigurationPropertySource> all;

	SpringPropertyLayers(ConfigurableEnvironment environment) {
		this.environment = environment;
		List<PropertySource<?>> sources = environment.getPropertySources()
			.stream()
			.filter((source) -> !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source))
			.toList();
		List<String> names = sources.stream().map(PropertySource::getName).toList();
		int systemEnvironment = names.indexOf(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		int boundary = 1 + ((systemEnvironment >= 0) ? systemEnvironment
				: names.indexOf(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME));
		Set<Object> upper = Collections.newSetFromMap(new IdentityHashMap<>());
		sources.subList(0, boundary).forEach((source) -> addWithMembers(source, upper));
		// The adapters Boot's binder uses: each caches the relaxed names of its source,
		// which neither a lookup here nor the binder later has to list again.
		List<ConfigurationPropertySource> above = new ArrayList<>();
		List<ConfigurationPropertySource> below = new ArrayList<>();
		for (ConfigurationPropertySource adapted : ConfigurationPropertySources.get(environment)) {
			(upper.contains(adapted.getUnderlyingSource()) ? above : below).add(adapted);
		}
		this.above = List.copyOf(above);
		this.below = List.copyOf(below);
		above.addAll(below);
		this.all = List.copyOf(above);
	}

	/**
	 * A source, and the sources of an environment it wraps, which Boot adapts one by one.
	 */
	private static void addWithMembers(PropertySource<?> source, Set<Object> into) {
		into.add(source);
		if (source.getSource() instanceof ConfigurableEnvironment nested) {
			nested.getPropertySources().forEach((member) -> addWithMembers(member, into));
		}
	}

	/** Command line, system properties and the OS environment (relaxed names). */
	List<ConfigurationPropertySource> above() {
		return this.above;
	}

	/**
	 * Config data ({@code application.yml}, profiles, imports) and default properties.
	 */
	List<ConfigurationPropertySource> below() {
		return this.below;
	}

	/** Both layers, in Spring's order. */
	List<ConfigurationPropertySource> all() {
		return this.all;
	}

	/** Whether a boolean property is not set to {@code false}. */
	boolean isNotFalse(ConfigurationPropertyName name) {
		Found found = find(all(), name);
		return found == null || !"false".equalsIgnoreCase(found.value().strip());
	}

	/** The first non-blank value of {@code name} in {@code sources}, with its origin. */
	@Nullable Found find(List<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : sources) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null && property.getValue() != null) {
				String value = this.environment.resolveRequiredPlaceholders(String.valueOf(property.getValue()));
				if (!value.isBlank()) {
					Object origin = (property.getOrigin() != null) ? property.getOrigin()
							: source.getUnderlyingSource();
					return new Found(value, String.valueOf(origin));
				}
			}
		}
		return null;
	}

	/**
	 * A value found in a Spring layer.
	 *
	 * @param value the value, placeholders resolved
	 * @param origin where it was set (file and line, command line, ...)
	 */
	record Found(String value, String origin) {
	}

}
