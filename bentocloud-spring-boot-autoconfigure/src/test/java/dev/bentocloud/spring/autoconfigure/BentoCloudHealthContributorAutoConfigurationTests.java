package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
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
 * When the {@code bentocloud} health component is registered, without a server: under its
 * name, off by property and absent when the client is off.
 */
class BentoCloudHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class,
				BentoCloudHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.show-details=always",
				"bentocloud.endpoint=" + NoServer.ENDPOINT, "bentocloud.api-token=t0k-wiring-0123456789");

	@Test
	void registeredUnderItsName() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BentoCloudHealthIndicator.class)
			.hasBean(BentoCloudHealthContributorAutoConfiguration.BEAN_NAME));
	}

	@Test
	void offByProperty() {
		this.runner.withPropertyValues("management.health.bentocloud.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BentoCloudHealthIndicator.class);
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("bentocloud")).isNull();
		});
	}

	@Test
	void absentWhenTheClientIsOff() {
		this.runner.withPropertyValues("bentocloud.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BentoCloudHealthIndicator.class));
	}

}
