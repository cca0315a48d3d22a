package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.testsupport.SeededDeployments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bentocloudServices} health contributor checking the emulator's services
 * through Boot's health endpoint: one component per configured service, UP or DOWN with
 * the reason from its {@code /readyz}, cached for the TTL, without the token, and never
 * calling the service once a user's bean of the same name replaces it.
 */
class BentoCloudServicesHealthContributorAutoConfigurationIntegrationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			BentoCloudAutoConfiguration.class, BentoCloudServicesHealthContributorAutoConfiguration.class,
			HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class);

	private static final String READYZ = "/__services/summarizer/readyz";

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues("management.endpoint.health.show-details=always",
				"spring.reactor.netty.shutdown-quiet-period=0s");

	private String serviceToken;

	@BeforeEach
	void seed() {
		this.serviceToken = SeededDeployments.seed(emulator.get());
	}

	private ApplicationContextRunner withServices(String... properties) {
		return this.runner
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.api-token=" + emulator.get().apiToken(),
					"bentocloud.services.summarizer.url=" + emulator.get().deploymentUrl("summarizer"),
					"bentocloud.services.summarizer.token=" + this.serviceToken)
			.withPropertyValues(properties);
	}

	private static IndicatedHealthDescriptor health(AssertableApplicationContext context, String service) {
		return (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
			.healthForPath("bentocloudServices", service);
	}

	@Test
	void aRunningServiceIsUpWithItsUrl() {
		withServices().run((context) -> {
			CompositeHealthDescriptor services = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class)
				.healthForPath("bentocloudServices");
			assertThat(services.getStatus()).isEqualTo(Status.UP);
			assertThat(services.getComponents()).containsOnlyKeys("summarizer");
			IndicatedHealthDescriptor summarizer = health(context, "summarizer");
			assertThat(summarizer.getStatus()).isEqualTo(Status.UP);
			assertThat(summarizer.getDetails()).containsEntry("url", emulator.get().deploymentUrl("summarizer"));
			assertThat(emulator.get().requests()).filteredOn((request) -> request.path().equals(READYZ))
				.singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization"))
					.isEqualTo("Bearer " + this.serviceToken));
		});
	}

	@Test
	void aServiceAnswering503IsDownWithTheStatus() {
		emulator.get().faults().on("GET", READYZ).respond(503);
		withServices().run((context) -> {
			IndicatedHealthDescriptor summarizer = health(context, "summarizer");
			assertThat(summarizer.getStatus()).isEqualTo(Status.DOWN);
			assertThat(summarizer.getDetails()).containsEntry("error", "not-ready")
				.containsEntry("status", 503)
				.containsEntry("url", emulator.get().deploymentUrl("summarizer"));
			assertThat((String) summarizer.getDetails().get("reason")).contains("503");
		});
	}

	@Test
	void aRejectedTokenIsDownWithTheHintAndWithoutTheToken() {
		String wrong = "wrong-service-token-0123456789";
		withServices("bentocloud.services.summarizer.token=" + wrong).run((context) -> {
			IndicatedHealthDescriptor summarizer = health(context, "summarizer");
			assertThat(summarizer.getStatus()).isEqualTo(Status.DOWN);
			assertThat(summarizer.getDetails()).containsEntry("error", "unauthenticated").containsEntry("status", 401);
			assertThat((String) summarizer.getDetails().get("action")).contains("bentocloud.services.summarizer.token",
					"Protected Endpoint Access");
			String json = JsonMapper.builder()
				.build()
				.writeValueAsString(context.getBean(HealthEndpoint.class).health());
			assertThat(json).contains("bentocloudServices", "unauthenticated")
				.doesNotContain(wrong)
				.doesNotContain(emulator.get().apiToken());
		});
	}

	@Test
	void theResultIsCachedForTheTtl() {
		withServices().run((context) -> {
			for (int i = 0; i < 5; i++) {
				assertThat(health(context, "summarizer").getStatus()).isEqualTo(Status.UP);
			}
			assertThat(emulator.get().requestCount("GET", READYZ)).isOne();
		});
		emulator.get().clearRequests();
		withServices("bentocloud.health.cache-ttl=0s").run((context) -> {
			for (int i = 0; i < 3; i++) {
				health(context, "summarizer");
			}
			assertThat(emulator.get().requestCount("GET", READYZ)).isEqualTo(3);
		});
	}

	@Test
	void aDeploymentServiceNamesItsDeploymentAndFindsItsUrlWhenChecked() {
		withServices("bentocloud.services.classifier.deployment=iris-classifier",
				"bentocloud.services.classifier.cluster=default", "bentocloud.services.missing.deployment=nowhere")
			.run((context) -> {
				assertThat(emulator.get().requests()).isEmpty();
				IndicatedHealthDescriptor classifier = health(context, "classifier");
				assertThat(classifier.getStatus()).isEqualTo(Status.UP);
				assertThat(classifier.getDetails()).containsEntry("deployment", "iris-classifier")
					.containsEntry("cluster", "default")
					.containsEntry("url", emulator.get().deploymentUrl("iris-classifier"));
				IndicatedHealthDescriptor missing = health(context, "missing");
				assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
				assertThat(missing.getDetails()).containsEntry("error", "deployment-not-found")
					.containsEntry("deployment", "nowhere")
					.doesNotContainKey("url");
			});
	}

	@Test
	void aStoppedDeploymentIsDownSayingSo() {
		emulator.get().setDeploymentStatus("iris-classifier", "deploying");
		withServices("bentocloud.services.classifier.deployment=iris-classifier").run((context) -> {
			IndicatedHealthDescriptor classifier = health(context, "classifier");
			assertThat(classifier.getStatus()).isEqualTo(Status.DOWN);
			assertThat(classifier.getDetails()).containsEntry("error", "deployment-not-ready");
			assertThat((String) classifier.getDetails().get("reason")).contains("deploying");
		});
	}

	@Test
	void reactiveApplicationsGetTheSameContributor() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.services.summarizer.url=" + emulator.get().deploymentUrl("summarizer"),
					"bentocloud.services.summarizer.token=" + this.serviceToken,
					"management.endpoint.health.show-details=always", "spring.reactor.netty.shutdown-quiet-period=0s")
			.run((context) -> assertThat(
					context.getBean(HealthEndpoint.class).healthForPath("bentocloudServices", "summarizer").getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void aUserBeanOfTheSameNameReplacesOurs() {
		withServices()
			.withBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME, ReactiveHealthIndicator.class,
					() -> () -> Mono.just(Health.up().withDetail("mine", true).build()))
			.run((context) -> {
				IndicatedHealthDescriptor mine = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("bentocloudServices");
				assertThat(mine.getDetails()).containsEntry("mine", true);
				assertThat(emulator.get().requestCount("GET", READYZ)).isZero();
			});
	}

}
