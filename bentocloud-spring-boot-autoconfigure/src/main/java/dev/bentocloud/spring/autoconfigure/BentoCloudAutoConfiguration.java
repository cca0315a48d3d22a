package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BlockingBentoCloudClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
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

	// Checks bentocloud.* values as they are bound; other properties are left to Boot.
	@Bean
	@ConfigurationPropertiesBinding
	static CheckedValueConverter bentoCloudCheckedValueConverter() {
		return new CheckedValueConverter();
	}

	// Checks the properties as soon as they are bound, before any bean uses them.
	@Bean
	static BentoCloudPropertiesCheck bentoCloudPropertiesCheck(ConfigurableEnvironment environment) {
		return new BentoCloudPropertiesCheck(environment);
	}

	@Bean
	@ConditionalOnMissingBean(BentoCloudConnectionDetails.class)
	PropertiesBentoCloudConnectionDetails bentoCloudConnectionDetails(BentoCloudProperties properties,
			Environment environment) {
		return new PropertiesBentoCloudConnectionDetails(properties, environment);
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
		BentoCloudProperties.Retry retry = properties.getRetry();
		// Plain calls rather than a PropertyMapper: each of its method references
		// costs startup a class; only the call timeout may be unset.
		BentoCloudClientBuilder builder = BentoCloudClient.builder()
			.credentials(connectionDetails.toCredentials())
			.webClientBuilder(() -> webClientBuilder.getIfAvailable(WebClient::builder))
			.connectorFactory(connectorFactory)
			.connectTimeout(properties.getConnectTimeout())
			.responseTimeout(properties.getResponseTimeout())
			.maxPages(properties.getMaxPages())
			.retry(retry.effectiveMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff())
			.allowInsecureEndpoint(properties.isAllowInsecureEndpoint())
			.bentomlVersion(properties.getBentomlVersion());
		Duration callTimeout = properties.getCallTimeout();
		if (callTimeout != null) {
			builder.callTimeout(callTimeout);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingBentoCloudClient blockingBentoCloudClient(BentoCloudClient bentoCloudClient) {
		return bentoCloudClient.blocking();
	}

	// After ready, on a daemon thread: neither
	// startup nor the first call builds the client.
	@Bean
	@ConditionalOnProperty(prefix = "bentocloud.warm-up", name = "enabled", havingValue = "true", matchIfMissing = true)
	static BentoCloudClientWarmUp bentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> bentoCloudClient) {
		return new BentoCloudClientWarmUp(bentoCloudClient);
	}

	/**
	 * The client, unless the application defines its own; with the credentials it was
	 * built with, which the health details describe.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(BentoCloudClient.class)
	static class ClientConfiguration {

		@Bean
		BentoCloudClient bentoCloudClient(BentoCloudClientBuilder bentoCloudClientBuilder) {
			return bentoCloudClientBuilder.build();
		}

		@Bean
		AutoConfiguredClientCredentials bentoCloudClientCredentials(BentoCloudConnectionDetails connectionDetails) {
			return new AutoConfiguredClientCredentials(connectionDetails.toCredentials());
		}

	}

}
