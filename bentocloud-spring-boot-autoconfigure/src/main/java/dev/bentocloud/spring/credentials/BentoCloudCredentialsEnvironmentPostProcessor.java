package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfigReader;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Resolves the BentoCloud API token and endpoint from Spring's properties, BentoML's
 * environment variables ({@code BENTO_CLOUD_API_KEY}, {@code BENTO_CLOUD_API_ENDPOINT})
 * and the {@code .yatai.yaml} that {@code bentoml cloud login} writes, and publishes them
 * as {@code bentocloud.api-token} and {@code bentocloud.endpoint} in the property source
 * {@value #PROPERTY_SOURCE_NAME}, first in the environment, so that the rest of the
 * starter only reads {@code BentoCloudProperties}. Nothing else is published: where the
 * credentials came from travels with that property source and is read with
 * {@link BentoCloudCredentialsSource#from}.
 * <p>
 * The rules are {@link CredentialsResolution}'s (documented in
 * {@code docs/credentials.md}). Nothing is resolved when
 * {@code bentocloud.enabled=false}. The token is never logged; what the file or the
 * environment supplied is logged only escaped and cut ({@link SafeText}).
 *
 * @since 0.1.0
 */
public class BentoCloudCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the resolved credentials. */
	public static final String PROPERTY_SOURCE_NAME = "bentocloudCredentials";

	/** Runs after config data (application.yml, profiles) has been loaded. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

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
		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		CredentialsResolution resolution = new CredentialsResolution(environment, this.reader);
		if (!resolution.enabled()) {
			this.logger.debug("bentocloud.enabled=false: BentoCloud credentials are not resolved");
			return;
		}
		BentoMlVariableHints.of(environment).forEach(this.logger::warn);
		BentoCloudCredentials credentials = resolution.resolve();
		environment.getPropertySources()
			.addFirst(new CredentialsPropertySource(credentials, resolution.endpointOrigin(credentials)));
		ConfigurationPropertySources.attach(environment);
		resolution.unused().forEach((line) -> this.logger.info(SafeText.line(line)));
		resolution.warnings().forEach((line) -> this.logger.warn(SafeText.line(line)));
		// Without a token, the connection details warn, unless details of the
		// application's own (an emulator, a container) replace them.
		if (credentials.hasApiToken()) {
			String deployment = BentoCloudCredentialsSource.deploymentUrl(environment);
			this.logger.info("BentoCloud credentials from " + SafeText.line(credentials.source()) + " (endpoint "
					+ SafeText.endpoint(credentials.endpoint()) + ")"
					+ ((deployment != null) ? "; running inside the BentoCloud deployment " + deployment + " ("
							+ BentoMlEnvironment.DEPLOYMENT_URL + ")" : ""));
		}
	}

}
