package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.util.Set;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks one entry of {@code bentocloud.services} when its bean is defined, so that a
 * service that cannot work stops startup with a report naming the property, rather than
 * failing on its first call. Its values were checked one by one as they were bound
 * ({@link CheckedValueConverter}); these are the checks across values.
 */
final class NamedServiceValidator {

	private static final String EXAMPLE_URL = "https://summarizer-acme.mt-guc1.bentoml.ai";

	private NamedServiceValidator() {
	}

	/**
	 * Checks the service.
	 * @param name the service's name (the map key)
	 * @param service its properties
	 * @param hasToken whether a token is sent to it (its own or bentocloud.service.token)
	 * @param allowInsecure {@code bentocloud.allow-insecure-endpoint}
	 * @param environment where the values come from, for their origin
	 */
	static void validate(String name, NamedService service, boolean hasToken, boolean allowInsecure,
			ConfigurableEnvironment environment) {
		String prefix = "bentocloud.services." + name;
		if (name.isBlank() || name.contains("/")) {
			throw new InvalidBentoCloudPropertyException(prefix, null, originUnder(prefix, environment),
					"a service name must not be blank or contain '/' (it names a bean and a health component)",
					"Rename the service, such as bentocloud.services.summarizer.");
		}
		URI url = service.getUrl();
		if (url != null && service.hasDeployment()) {
			throw new MutuallyExclusiveConfigurationPropertiesException(Set.of(prefix + ".url", prefix + ".deployment"),
					Set.of(prefix + ".url", prefix + ".deployment"));
		}
		if (url == null && !service.hasDeployment()) {
			throw new InvalidBentoCloudPropertyException(prefix, null, originUnder(prefix, environment),
					"neither " + prefix + ".url nor " + prefix + ".deployment is set",
					"Set " + prefix + ".url to the service's URL, such as " + EXAMPLE_URL + ", or " + prefix
							+ ".deployment to the name of its BentoCloud deployment.");
		}
		if (url != null && service.getCluster() != null) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".cluster", service.getCluster(),
					"A cluster only applies to a deployment, and this service has a url. Remove " + prefix
							+ ".cluster, or replace " + prefix + ".url with " + prefix + ".deployment.");
		}
		if (url != null) {
			validateUrl(prefix + ".url", url, hasToken, allowInsecure, environment);
		}
	}

	/**
	 * Whether the URL may carry the service token; that it is an http(s) URL was checked
	 * as it was bound.
	 */
	private static void validateUrl(String property, URI url, boolean hasToken, boolean allowInsecure,
			ConfigurableEnvironment environment) {
		String shown = BentoCloudEndpoints.displayable(url.toString());
		if (url.getRawUserInfo() != null) {
			throw InvalidBentoCloudPropertyException.of(property, shown, environment,
					"it contains user info (credentials)",
					"Remove the user info (user:password@) from the URL and set the token as the service's token.");
		}
		if (hasToken && !allowInsecure && BentoCloudEndpoints.exposesToken(url)) {
			throw InvalidBentoCloudPropertyException.of(property, shown, environment,
					"the service token would be sent over plain http to " + url.getHost()
							+ ", where anyone on the network can read it",
					"Use an https URL, or set bentocloud.allow-insecure-endpoint=true if this is intended.");
		}
	}

	/**
	 * Where the first property under the prefix was set: a problem of the service as a
	 * whole has no single property of its own.
	 */
	private static String originUnder(String prefix, ConfigurableEnvironment environment) {
		ConfigurationPropertyName root = ConfigurationPropertyName.adapt(prefix, '.');
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				ConfigurationPropertyName first = iterable.filter(root::isAncestorOf).stream().findFirst().orElse(null);
				ConfigurationProperty property = (first != null) ? source.getConfigurationProperty(first) : null;
				if (property != null) {
					return (property.getOrigin() != null) ? property.getOrigin().toString() : String.valueOf(source);
				}
			}
		}
		return "the default";
	}

}
