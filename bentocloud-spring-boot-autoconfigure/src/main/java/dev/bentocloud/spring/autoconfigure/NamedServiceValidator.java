package dev.bentocloud.spring.autoconfigure;

import java.net.URI;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks one entry of {@code bentocloud.services} when its bean is defined, so that a
 * service that cannot work stops startup with a report naming the property, rather than
 * failing on its first call.
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
		URI url = service.url();
		if (url != null && service.hasDeployment()) {
			throw new InvalidBentoCloudPropertyException(prefix, null, originUnder(prefix, environment),
					"both " + prefix + ".url and " + prefix + ".deployment are set",
					"Keep url (the service's own URL) or deployment (a deployment whose URL is looked up on first "
							+ "call), not both.");
		}
		if (url == null && !service.hasDeployment()) {
			throw new InvalidBentoCloudPropertyException(prefix, null, originUnder(prefix, environment),
					"neither " + prefix + ".url nor " + prefix + ".deployment is set",
					"Set " + prefix + ".url to the service's URL, such as " + EXAMPLE_URL + ", or " + prefix
							+ ".deployment to the name of its BentoCloud deployment.");
		}
		if (url != null && service.cluster() != null) {
			throw invalid(prefix + ".cluster", service.cluster(), environment,
					"a cluster only applies to a deployment, and this service has a url",
					"Remove " + prefix + ".cluster, or replace " + prefix + ".url with " + prefix + ".deployment.");
		}
		if (url != null) {
			validateUrl(prefix + ".url", url, hasToken, allowInsecure, environment);
		}
		if (service.timeout() != null) {
			BentoCloudPropertiesValidator.positive(prefix + ".timeout", service.timeout(), environment);
		}
		if (service.streamIdleTimeout() != null) {
			BentoCloudPropertiesValidator.positive(prefix + ".stream-idle-timeout", service.streamIdleTimeout(),
					environment);
		}
	}

	private static void validateUrl(String property, URI url, boolean hasToken, boolean allowInsecure,
			ConfigurableEnvironment environment) {
		String shown = BentoCloudEndpoints.displayable(url.toString());
		if (!BentoCloudEndpoints.isHttpUrl(url)) {
			throw invalid(property, shown, environment, "it is not an http(s) URL with a host",
					"Use the service's URL as BentoCloud shows it, such as " + EXAMPLE_URL + ".");
		}
		if (url.getRawUserInfo() != null) {
			throw invalid(property, shown, environment, "it contains user info (credentials)",
					"Remove the user info (user:password@) from the URL and set the token as the service's token.");
		}
		if (hasToken && !allowInsecure && BentoCloudEndpoints.exposesToken(url)) {
			throw invalid(property, shown, environment,
					"the service token would be sent over plain http to " + url.getHost()
							+ ", where anyone on the network can read it",
					"Use an https URL, or set bentocloud.allow-insecure-endpoint=true if this is intended.");
		}
	}

	private static InvalidBentoCloudPropertyException invalid(String property, @Nullable String value,
			ConfigurableEnvironment environment, String problem, String action) {
		return BentoCloudPropertiesValidator.invalid(property, value, environment, problem, action);
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
