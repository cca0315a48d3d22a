package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.spring.client.BentoCloudClient;
import dev.bentocloud.spring.client.BentoServiceClientFactory;
import dev.bentocloud.spring.client.BlockingBentoCloudClient;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.context.annotation.Lazy;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the BentoCloud management client ({@link BentoCloudClient} and its
 * blocking view) and of clients for deployed services. The clients are built from a clone of
 * Boot's {@link WebClient.Builder}, so {@code WebClientCustomizer}s, observations and the
 * reactive HTTP client settings (SSL bundle) apply.
 * <p>
 * The beans exist even without an API token; calls then fail with a message naming the ways
 * to provide one.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@ConditionalOnProperty(prefix = "bentocloud", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BentoCloudProperties.class)
public final class BentoCloudAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BentoCloudClient bentoCloudClient(BentoCloudProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		BentoCloudProperties.Retry retry = properties.retry();
		return BentoCloudClient.builder()
			.endpoint(properties.endpoint())
			.apiToken(properties.apiToken())
			.webClientBuilder(() -> webClientBuilder.getIfAvailable(WebClient::builder))
			.connectorBuilder(connectorBuilder.getIfAvailable())
			.httpClientSettings(httpClientSettings.getIfAvailable())
			.connectTimeout(properties.connectTimeout())
			.responseTimeout(properties.responseTimeout())
			.retry(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff())
			.allowInsecureEndpoint(properties.allowInsecureEndpoint())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingBentoCloudClient blockingBentoCloudClient(BentoCloudClient bentoCloudClient) {
		return bentoCloudClient.blocking();
	}

	// Lazy: its WebClient.Builder (Boot's connector and observation set-up) is then only made
	// for applications that use it.
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BentoServiceClientFactory bentoServiceClientFactory(BentoCloudProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		return new BentoServiceClientFactory(webClientBuilder.getIfAvailable(WebClient::builder),
				connectorBuilder.getIfAvailable(), httpClientSettings.getIfAvailable(), properties.connectTimeout(),
				properties.service().timeout(), properties.service().token(), properties.allowInsecureEndpoint());
	}

}
