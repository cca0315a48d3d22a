package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured client calling the emulator: headers, connection details,
 * customizers, retries and the builder bean, as the server sees them.
 */
class BentoCloudAutoConfigurationIntegrationTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class));

	private record OrderedCustomizer(int order, Runnable call) implements BentoCloudClientBuilderCustomizer, Ordered {

		@Override
		public void customize(BentoCloudClientBuilder builder) {
			this.call.run();
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	private ApplicationContextRunner withEmulator() {
		return this.runner.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
				"bentocloud.api-token=" + emulator.get().apiToken());
	}

	@Test
	void beansArePresentAndWork() {
		withEmulator().run((context) -> {
			assertThat(context).hasSingleBean(BentoCloudClient.class)
				.hasSingleBean(BlockingBentoCloudClient.class)
				.hasSingleBean(BentoServiceClientFactory.class);
			assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
		});
	}

	@Test
	void bentomlVersionHeaderDefaultsToTheContractsReleaseAndFollowsTheProperty() {
		withEmulator().run((context) -> {
			emulator.get().clearRequests();
			context.getBean(BlockingBentoCloudClient.class).currentUser();
			assertThat(emulator.get().requests().get(0).header("X-Bentoml-Version"))
				.isEqualTo(BentoCloudClientBuilder.DEFAULT_BENTOML_VERSION);
		});
		withEmulator().withPropertyValues("bentocloud.bentoml-version=1.4.40").run((context) -> {
			emulator.get().clearRequests();
			context.getBean(BlockingBentoCloudClient.class).currentUser();
			assertThat(emulator.get().requests().get(0).header("X-Bentoml-Version")).isEqualTo("1.4.40");
		});
	}

	@Test
	void connectionDetailsBeanReplacesTheProperties() {
		BentoCloudConnectionDetails details = new BentoCloudConnectionDetails() {

			@Override
			public URI getEndpoint() {
				return URI.create(emulator.get().endpoint());
			}

			@Override
			public String getApiToken() {
				return emulator.get().apiToken();
			}

		};
		this.runner.withPropertyValues("bentocloud.endpoint=http://127.0.0.1:9", "bentocloud.api-token=not-used")
			.withBean(BentoCloudConnectionDetails.class, () -> details)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesBentoCloudConnectionDetails.class);
				emulator.get().clearRequests();
				assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
				assertThat(context.getBean(BentoCloudClient.class).endpoint()).hasToString(emulator.get().endpoint());
				assertThat(emulator.get().requests()).singleElement()
					.satisfies((request) -> assertThat(request.header("x-yatai-api-token"))
						.isEqualTo(emulator.get().apiToken()));
			});
	}

	@Test
	void customizersApplyInOrderAfterTheConnectionDetails() {
		List<String> calls = new ArrayList<>();
		withEmulator().withPropertyValues("bentocloud.endpoint=http://127.0.0.1:9")
			.withBean("second", BentoCloudClientBuilderCustomizer.class,
					() -> new OrderedCustomizer(2, () -> calls.add("second")))
			.withBean("first", BentoCloudClientBuilderCustomizer.class,
					() -> new OrderedCustomizer(1, () -> calls.add("first")))
			.withBean("endpoint", BentoCloudClientBuilderCustomizer.class,
					() -> (builder) -> builder.endpoint(emulator.get().endpoint()))
			.run((context) -> {
				assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
				assertThat(calls).containsExactly("first", "second");
			});
	}

	@Test
	void builderBeanIsAPrototypeForClientsOfOtherTokens() {
		withEmulator().run((context) -> {
			BentoCloudClientBuilder first = context.getBean(BentoCloudClientBuilder.class);
			assertThat(context.getBean(BentoCloudClientBuilder.class)).isNotSameAs(first);
			String other = emulator.get().createUserWithToken("other", "other@example.com");
			BlockingBentoCloudClient client = first.apiToken(other).build().blocking();
			assertThat(client.currentUser().name()).isEqualTo("other");
			assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
		});
	}

	@Test
	void deprecatedMaxAttemptsStillCountsRetries() {
		withEmulator().withPropertyValues("bentocloud.retry.max-attempts=1", "bentocloud.retry.initial-backoff=1ms")
			.run((context) -> {
				emulator.get().faults().on("GET", "/api/v1/auth/current").times(5).respond(503);
				try {
					emulator.get().clearRequests();
					assertThatExceptionOfType(BentoCloudException.class)
						.isThrownBy(() -> context.getBean(BlockingBentoCloudClient.class).currentUser());
					assertThat(emulator.get().requestCount("GET", "/api/v1/auth/current")).isEqualTo(2);
				}
				finally {
					emulator.get().faults().clear();
				}
			});
	}

	@Test
	void webClientCustomizersApply() {
		WebClientCustomizer customizer = (builder) -> builder.defaultHeader("X-Custom", "yes");
		withEmulator().withBean(WebClientCustomizer.class, () -> customizer).run((context) -> {
			emulator.get().clearRequests();
			context.getBean(BlockingBentoCloudClient.class).currentOrganization();
			RecordedRequest request = emulator.get().requests().get(0);
			assertThat(request.header("x-custom")).isEqualTo("yes");
			assertThat(request.header("x-yatai-api-token")).isEqualTo(emulator.get().apiToken());
			assertThat(request.header("accept")).isEqualTo("application/json");
			assertThat(request.header("user-agent")).matches("bentocloud-java/\\S+");
			assertThat(request.header("content-type")).isNull();
			assertThat(request.rawQuery()).isNullOrEmpty();
		});
	}

	@Test
	void filtersOfTheApplicationNeverSeeTheToken() {
		List<String> seen = new ArrayList<>();
		WebClientCustomizer customizer = (builder) -> builder.filter((request, next) -> {
			seen.add(request.url() + " " + request.headers());
			return next.exchange(request);
		});
		withEmulator().withBean(WebClientCustomizer.class, () -> customizer).run((context) -> {
			emulator.get().clearRequests();
			BlockingBentoCloudClient client = context.getBean(BlockingBentoCloudClient.class);
			client.currentUser();
			client.currentOrganization();
			client.apiTokens().list();
			assertThat(seen).hasSize(3)
				.allSatisfy((request) -> assertThat(request).contains("X-Bentoml-Version")
					.doesNotContainIgnoringCase("x-yatai-api-token")
					.doesNotContain(emulator.get().apiToken()));
			assertThat(emulator.get().requests()).hasSize(3)
				.allSatisfy((request) -> assertThat(request.header("x-yatai-api-token"))
					.isEqualTo(emulator.get().apiToken()));
		});
	}

	@Test
	void timeoutsAndRetriesComeFromProperties() {
		withEmulator().withPropertyValues("bentocloud.retry.max-retries=1", "bentocloud.retry.initial-backoff=5ms")
			.run((context) -> {
				emulator.get().faults().on("GET", "/api/v1/auth/current").respond(503);
				try {
					emulator.get().clearRequests();
					assertThat(context.getBean(BentoCloudClient.class).currentUser().onErrorComplete().block())
						.isNull();
					assertThat(emulator.get().requestCount("GET", "/api/v1/auth/current")).isEqualTo(2);
				}
				finally {
					emulator.get().faults().clear();
				}
			});
	}

}
