package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the BentoCloud management client ({@link BentoCloudClient} and
 * its blocking view) and of clients for deployed services: a
 * {@code BentoServiceClientFactory}, and for each service in {@code bentocloud.services}
 * a {@code BentoServiceClient} bean qualified by its name, also reachable through
 * {@link BentoServiceClients}.
 * <p>
 * Clients are built from a clone of Boot's {@link WebClient.Builder}, so
 * {@code WebClientCustomizer}s and observations apply, on a connector from Boot's
 * {@link ClientHttpConnectorBuilder} (whichever HTTP client the application has) with the
 * reactive HTTP client settings (SSL bundle), our timeouts, and redirects never followed.
 * Endpoint and token come from {@link BentoCloudConnectionDetails}; then every
 * {@link BentoCloudClientBuilderCustomizer} applies, in order. The
 * {@link BentoCloudClientBuilder} bean is a prototype: inject it to build a client for
 * another token with the same set-up.
 * <p>
 * The beans exist even without an API token; calls then fail with a message naming where
 * the starter looked and the ways to provide one.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass({ WebClient.class, BentoCloudClient.class })
@ConditionalOnProperty(prefix = "bentocloud", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BentoCloudProperties.class)
@Import(BentoServiceClientsConfiguration.class)
public final class BentoCloudAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BentoCloudAutoConfiguration.class);

	private final ConfigurableEnvironment environment;

	BentoCloudAutoConfiguration(BentoCloudProperties properties, ConfigurableEnvironment environment) {
		BentoCloudPropertiesValidator.validate(properties, environment);
		this.environment = environment;
	}

	@Bean
	@ConditionalOnMissingBean(BentoCloudConnectionDetails.class)
	PropertiesBentoCloudConnectionDetails bentoCloudConnectionDetails(BentoCloudProperties properties) {
		BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(this.environment);
		if (!properties.hasApiToken()) {
			String insideDeployment = (source.deploymentUrl() != null)
					? "; running inside the BentoCloud deployment " + source.deploymentUrl() : "";
			logger.warn(source.noTokenGuidance() + " The application starts, but BentoCloud calls will fail"
					+ insideDeployment + ".");
		}
		return new PropertiesBentoCloudConnectionDetails(properties, source);
	}

	@Bean
	@ConditionalOnMissingBean
	BentoCloudConnectorFactory bentoCloudConnectorFactory(
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		return new BootConnectorFactory(connectorBuilder, httpClientSettings);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	BentoCloudClientBuilder bentoCloudClientBuilder(BentoCloudProperties properties,
			BentoCloudConnectionDetails connectionDetails, BentoCloudConnectorFactory connectorFactory,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<BentoCloudClientBuilderCustomizer> customizers) {
		boolean fromProperties = connectionDetails instanceof PropertiesBentoCloudConnectionDetails;
		BentoCloudPropertiesValidator.validateEndpoint(connectionDetails.getEndpoint(),
				connectionDetails.getApiToken() != null, properties.allowInsecureEndpoint(),
				fromProperties ? "bentocloud.endpoint" : "BentoCloudConnectionDetails.getEndpoint()",
				fromProperties ? this.environment : null);
		BentoCloudProperties.Retry retry = properties.retry();
		BentoCloudClientBuilder builder = BentoCloudClient.builder()
			.credentials(connectionDetails.toCredentials())
			.webClientBuilder(() -> webClientBuilder.getIfAvailable(WebClient::builder))
			.connectorFactory(connectorFactory)
			.connectTimeout(properties.connectTimeout())
			.responseTimeout(properties.responseTimeout())
			.maxPages(properties.maxPages())
			.retry(retry.effectiveMaxRetries(), retry.initialBackoff(), retry.maxBackoff())
			.allowInsecureEndpoint(properties.allowInsecureEndpoint())
			.bentomlVersion(properties.bentomlVersion());
		if (properties.callTimeout() != null) {
			builder.callTimeout(properties.callTimeout());
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	BentoCloudClient bentoCloudClient(BentoCloudClientBuilder bentoCloudClientBuilder) {
		return bentoCloudClientBuilder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingBentoCloudClient blockingBentoCloudClient(BentoCloudClient bentoCloudClient) {
		return bentoCloudClient.blocking();
	}

	// After ready, on a daemon thread: neither startup nor the first call builds the
	// client.
	@Bean
	@ConditionalOnProperty(prefix = "bentocloud.warm-up", name = "enabled", havingValue = "true", matchIfMissing = true)
	static BentoCloudClientWarmUp bentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> bentoCloudClient) {
		return new BentoCloudClientWarmUp(bentoCloudClient);
	}

}
