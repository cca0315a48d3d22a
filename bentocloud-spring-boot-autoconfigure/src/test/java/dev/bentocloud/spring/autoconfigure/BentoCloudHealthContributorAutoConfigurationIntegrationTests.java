package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bentocloud} health component checking the emulator through Boot's health
 * endpoint: UP with its details through the blocking endpoint (Spring MVC, non-web apps)
 * and the reactive registry (WebFlux), DOWN on a rejected token or a slow server, and
 * never calling the server once a user's bean of the same name replaces it.
 */
class BentoCloudHealthContributorAutoConfigurationIntegrationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			BentoCloudAutoConfiguration.class, BentoCloudHealthContributorAutoConfiguration.class,
			HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class);

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues("management.endpoint.health.show-details=always");

	@BeforeEach
	void reset() {
		emulator.get().faults().clear();
		emulator.get().clearRequests();
	}

	private String[] emulatorCredentials() {
		return new String[] { "bentocloud.endpoint=" + emulator.get().endpoint(),
				"bentocloud.api-token=" + emulator.get().apiToken() };
	}

	@Test
	void blockingHealthEndpointShowsTheBentocloudComponentUp() {
		this.runner.withPropertyValues(emulatorCredentials()).run((context) -> {
			assertThat(context).hasSingleBean(BentoCloudHealthIndicator.class)
				.hasBean(BentoCloudHealthContributorAutoConfiguration.BEAN_NAME);
			IndicatedHealthDescriptor bentocloud = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
				.healthForPath("bentocloud");
			assertThat(bentocloud.getStatus()).isEqualTo(Status.UP);
			assertThat(bentocloud.getDetails()).containsEntry("user", "demo")
				.containsEntry("organization", "acme")
				.containsEntry("endpoint", emulator.get().endpoint());
			assertThat(emulator.get().requestCount("GET", "/api/v1/auth/current")).isOne();
		});
	}

	@Test
	void withTheApplicationsOwnClientTheDetailsDescribeThatClientNotTheProperties() {
		BentoCloudClient own = BentoCloudClient.builder()
			.endpoint(emulator.get().endpoint())
			.apiToken(emulator.get().apiToken())
			.build();
		this.runner
			.withPropertyValues("bentocloud.endpoint=https://properties.example.com",
					"bentocloud.api-token=unused-token")
			.withBean("myBentoCloudClient", BentoCloudClient.class, () -> own)
			.run((context) -> {
				IndicatedHealthDescriptor bentocloud = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("bentocloud");
				assertThat(bentocloud.getStatus()).isEqualTo(Status.UP);
				assertThat(bentocloud.getDetails()).containsEntry("endpoint", emulator.get().endpoint())
					.containsEntry("credentialsSource",
							"the application's own BentoCloudClient bean 'myBentoCloudClient'");
			});
	}

	@Test
	void reactiveApplicationGetsTheSameComponent() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(emulatorCredentials())
			.run((context) -> {
				IndicatedHealthDescriptor bentocloud = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("bentocloud");
				assertThat(bentocloud.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void rejectedTokenIsDownThroughTheEndpointWithoutTheToken() {
		String token = emulator.get().createUserWithToken("eve", "eve@example.com");
		emulator.get().revokeToken(token);
		// Possibly this JVM's first HTTP call, which loads the client's connector: not
		// about timing, so the default 3 s is raised.
		this.runner
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(), "bentocloud.api-token=" + token,
					"bentocloud.health.timeout=30s")
			.run((context) -> {
				IndicatedHealthDescriptor bentocloud = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("bentocloud");
				assertThat(bentocloud.getStatus()).isEqualTo(Status.DOWN);
				assertThat(bentocloud.getDetails()).containsEntry("error", "unauthenticated");
				assertThat(bentocloud.getDetails().toString()).doesNotContain(token);
			});
	}

	@Test
	void slowServerIsDownWithinTheHealthTimeout() {
		emulator.get().faults().on("GET", "/api/v1/auth/current").delay(Duration.ofSeconds(5));
		this.runner.withPropertyValues(emulatorCredentials())
			.withPropertyValues("bentocloud.health.timeout=300ms")
			.run((context) -> {
				long started = System.nanoTime();
				IndicatedHealthDescriptor bentocloud = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("bentocloud");
				assertThat(bentocloud.getStatus()).isEqualTo(Status.DOWN);
				assertThat(bentocloud.getDetails()).containsEntry("error", "timeout");
				// Bounded, not a speed claim: far below the 5 s the server would take.
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
			});
	}

	@Test
	void userBeanOfTheSameNameReplacesOurs() {
		this.runner.withPropertyValues(emulatorCredentials())
			.withUserConfiguration(UserHealthIndicatorConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BentoCloudHealthIndicator.class);
				IndicatedHealthDescriptor bentocloud = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("bentocloud");
				assertThat(bentocloud.getDetails()).containsEntry("mine", true);
				assertThat(emulator.get().requestCount("GET", "/api/v1/auth/current")).isZero();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthIndicatorConfiguration {

		@Bean(BentoCloudHealthContributorAutoConfiguration.BEAN_NAME)
		ReactiveHealthIndicator bentocloudHealthIndicator() {
			return () -> Mono.just(Health.up().withDetail("mine", true).build());
		}

	}

}
