package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudTransportException;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.BlockingBentoServiceClient;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.testsupport.SeededDeployments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Named services of {@code bentocloud.services} as beans: injected by qualifier or looked
 * up in {@link BentoServiceClients}, calling the emulator's deployed services with the
 * service token, a deployment's URL looked up on first call only.
 */
class BentoServiceClientsAutoConfigurationIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	// Without the quiet period, closing each context would wait 2 s for Reactor Netty.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s");

	private String serviceToken;

	@BeforeEach
	void seed() {
		this.serviceToken = SeededDeployments.seed(emulator.get());
	}

	private ApplicationContextRunner withEmulator(String... properties) {
		return this.runner
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.api-token=" + emulator.get().apiToken())
			.withPropertyValues(properties);
	}

	private String summarizerUrl() {
		return "bentocloud.services.summarizer.url=" + emulator.get().deploymentUrl("summarizer");
	}

	@Test
	void aUrlServiceIsInjectedByQualifierAndFoundByName() {
		withEmulator(summarizerUrl(), "bentocloud.services.summarizer.token=" + this.serviceToken)
			.withBean(BentoServiceClientsAutoConfigurationTests.Summaries.class)
			.run((context) -> {
				BentoServiceClientsAutoConfigurationTests.Summaries summaries = context
					.getBean(BentoServiceClientsAutoConfigurationTests.Summaries.class);
				BentoServiceClients clients = context.getBean(BentoServiceClients.class);
				assertThat(clients.names()).containsExactly("summarizer");
				assertThat(summaries.reactive).isSameAs(clients.get("summarizer"))
					.isSameAs(context.getBean("summarizerBentoServiceClient"));
				assertThat(summaries.blocking.reactive()).isSameAs(summaries.reactive);
				assertThat(summaries.reactive.url().block()).hasToString(emulator.get().deploymentUrl("summarizer"));
				assertThat(summaries.blocking.call("summarize", Map.of("text", "Spring meets BentoML"), String.class))
					.isEqualTo("Summary: Spring meets BentoML");
				assertThat(
						clients.get("summarizer").call("summarize", Map.of("text", "reactive"), String.class).block())
					.isEqualTo("Summary: reactive");
			});
	}

	@Test
	void aDeploymentServiceSendsNothingAtStartupAndFindsItsUrlOnFirstCall() {
		withEmulator("bentocloud.services.classifier.deployment=iris-classifier",
				"bentocloud.services.classifier.cluster=default")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(emulator.get().requests()).isEmpty();
				BlockingBentoServiceClient classifier = context.getBean(BentoServiceClients.class)
					.get("classifier")
					.blocking();
				assertThat(context.getBean("classifierBlockingBentoServiceClient", BlockingBentoServiceClient.class)
					.reactive()).isSameAs(classifier.reactive());
				assertThat(classifier.call("classify", Map.of("input", List.of(1, 2)), JSON)).containsEntry("size", 2);
				assertThat(classifier.call("summarize", Map.of("text", "again"), String.class))
					.isEqualTo("Summary: again");
				assertThat(classifier.url()).hasToString(emulator.get().deploymentUrl("iris-classifier"));
				List<RecordedRequest> lookups = emulator.get()
					.requests()
					.stream()
					.filter((request) -> request.path().equals("/api/v2/deployments/iris-classifier"))
					.toList();
				assertThat(lookups).singleElement()
					.satisfies(
							(lookup) -> assertThat(lookup.queryParams()).containsEntry("cluster", List.of("default")));
			});
	}

	@Test
	void aDeploymentThatDoesNotExistFailsTheCallNamingTheProperty() {
		withEmulator("bentocloud.services.classifier.deployment=nowhere").run((context) -> {
			BentoServiceClient classifier = context.getBean(BentoServiceClients.class).get("classifier");
			assertThatExceptionOfType(BentoCloudNotFoundException.class)
				.isThrownBy(() -> classifier.blocking().call("summarize", Map.of("text", "x"), String.class))
				.withMessageContaining("'nowhere'")
				.withMessageContaining("bentocloud.services.classifier.deployment");
		});
	}

	@Test
	void theServiceTokenGoesAsBearerAndTheManagementTokenNowhere() {
		withEmulator(summarizerUrl(), "bentocloud.services.summarizer.token=" + this.serviceToken,
				"bentocloud.services.classifier.deployment=iris-classifier")
			.run((context) -> {
				BentoServiceClients clients = context.getBean(BentoServiceClients.class);
				clients.get("summarizer").blocking().call("summarize", Map.of("text", "a"), String.class);
				clients.get("classifier").blocking().call("summarize", Map.of("text", "b"), String.class);
				List<RecordedRequest> toServices = serviceRequests();
				assertThat(toServices).isNotEmpty().allSatisfy((request) -> {
					assertThat(request.header("X-YATAI-API-TOKEN")).isNull();
					assertThat(request.toString() + request.headers()).doesNotContain(emulator.get().apiToken());
				});
				assertThat(toServices).filteredOn((request) -> request.path().startsWith("/__services/summarizer/"))
					.isNotEmpty()
					.allSatisfy((request) -> assertThat(request.header("Authorization"))
						.isEqualTo("Bearer " + this.serviceToken));
				// classifier has no token of its own
				// and there is no default: none is sent
				assertThat(toServices)
					.filteredOn((request) -> request.path().startsWith("/__services/iris-classifier/"))
					.isNotEmpty()
					.allSatisfy((request) -> assertThat(request.header("Authorization")).isNull());
			});
	}

	@Test
	void aServiceWithoutATokenOfItsOwnSendsTheDefaultServiceToken() {
		String own = emulator.get().createUserWithToken("own", "own@example.com");
		withEmulator(summarizerUrl(), "bentocloud.service.token=" + this.serviceToken,
				"bentocloud.services.other.url=" + emulator.get().deploymentUrl("summarizer"),
				"bentocloud.services.other.token=" + own)
			.run((context) -> {
				BentoServiceClients clients = context.getBean(BentoServiceClients.class);
				assertThat(clients.names()).containsExactly("summarizer", "other");
				clients.get("summarizer").blocking().call("summarize", Map.of("text", "a"), String.class);
				assertThat(serviceRequests()).isNotEmpty()
					.allSatisfy((request) -> assertThat(request.header("Authorization"))
						.isEqualTo("Bearer " + this.serviceToken));
				emulator.get().clearRequests();
				clients.get("other").blocking().call("summarize", Map.of("text", "b"), String.class);
				assertThat(serviceRequests()).isNotEmpty()
					.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + own));
			});
	}

	@Test
	void theTimeoutIsPerService() {
		emulator.get().faults().on("POST", "/__services/iris-classifier/summarize").delay(Duration.ofSeconds(5));
		withEmulator("bentocloud.services.slow.url=" + emulator.get().deploymentUrl("iris-classifier"),
				"bentocloud.services.slow.timeout=300ms")
			.run((context) -> {
				BlockingBentoServiceClient slow = context.getBean(BentoServiceClients.class).get("slow").blocking();
				long started = System.nanoTime();
				assertThatExceptionOfType(BentoCloudTransportException.class)
					.isThrownBy(() -> slow.call("summarize", Map.of("text", "slow"), String.class))
					.withMessageContaining("300 ms");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
			});
	}

	@Test
	void theServiceDefaultsReachTheFactoryBean() {
		withEmulator("bentocloud.service.token=" + this.serviceToken, "bentocloud.service.max-response-size=1KB",
				"bentocloud.service.check-calls=false")
			.run((context) -> {
				BentoServiceClientFactory factory = context.getBean(BentoServiceClientFactory.class);
				BlockingBentoServiceClient client = factory
					.create(URI.create(emulator.get().deploymentUrl("summarizer")))
					.blocking();
				// not in the service's schema, yet sent: calls are not checked
				emulator.get().clearRequests();
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> client.call("no-such-route", Map.of(), JSON));
				assertThat(emulator.get().requestCount("POST", "/__services/summarizer/no-such-route")).isOne();
				assertThat(serviceRequests()).allSatisfy((request) -> assertThat(request.header("Authorization"))
					.isEqualTo("Bearer " + this.serviceToken));
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> client.call("echo", Map.of("text", "x".repeat(4096)), JSON))
					.withMessageContaining("larger than 1 KiB");
			});
	}

	private static List<RecordedRequest> serviceRequests() {
		return emulator.get()
			.requests()
			.stream()
			.filter((request) -> request.path().startsWith("/__services/"))
			.toList();
	}

}
