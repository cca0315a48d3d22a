package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.spring.testsupport.NoServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code bentocloudServices} health contributor is registered, without a server:
 * with a configured service, off by property and absent without services.
 */
class BentoCloudServicesHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class,
				BentoCloudServicesHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.show-details=always",
				"spring.reactor.netty.shutdown-quiet-period=0s", "bentocloud.endpoint=" + NoServer.ENDPOINT);

	private ApplicationContextRunner withAService() {
		return this.runner.withPropertyValues("bentocloud.api-token=t0k-wiring-0123456789",
				"bentocloud.services.summarizer.url=" + NoServer.ENDPOINT + "/summarizer",
				"bentocloud.services.summarizer.token=svc-wiring-0123456789");
	}

	@Test
	void registeredWhenAServiceIsConfigured() {
		withAService().run((context) -> assertThat(context)
			.hasBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME));
	}

	@Test
	void offByProperty() {
		withAService().withPropertyValues("management.health.bentocloud-services.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME);
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("bentocloudServices")).isNull();
		});
	}

	@Test
	void absentWithoutServices() {
		this.runner.run((context) -> assertThat(context)
			.doesNotHaveBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME));
	}

}
