package dev.bentocloud.client.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.ServiceApi;
import dev.bentocloud.emulator.ServiceErrorAnswer;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every kind of route of the contract's example service, called through the client
 * against the emulator's protected deployment on both connectors: text, JSON with a
 * record, root input, multipart from a {@code Path} and a {@code Resource}, a file
 * output, a stream, a task, validation errors and array error bodies.
 */
class ServiceClientEndToEndTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@TempDir
	Path temp;

	private URI url;

	private String token;

	@BeforeEach
	void seed() {
		BentoCloudEmulator server = this.emulator.get();
		server.seedDeployment("example", "example:1", true);
		this.url = URI.create(server.deploymentUrl("example"));
		this.token = server.createUserWithToken("svc", "svc@example.com");
	}

	private BlockingBentoServiceClient client(BentoCloudConnectorFactory connectors) {
		return BentoServiceClientFactory.builder()
			.connectorFactory(connectors)
			.defaultToken(this.token)
			.tempDirectory(this.temp)
			.build()
			.create(this.url)
			.blocking();
	}

	record Features(List<Double> input) {
	}

	record Classification(String label, double score, int size) {
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void everyKindOfRoute(BentoCloudConnectorFactory connectors) throws Exception {
		BlockingBentoServiceClient client = client(connectors);
		client.waitUntilReady(Duration.ofSeconds(5));
		assertThat(client.schema().name()).isEqualTo("ExampleService");

		assertThat(client.call("summarize", Map.of("text", "BentoML services, called from Java"), String.class))
			.isEqualTo("Summary: BentoML services, called from Java");
		assertThat(client.call("classify", new Features(List.of(1.0, 2.0, -0.5)), Classification.class))
			.isEqualTo(new Classification("positive", 2.5 / 3, 3));
		assertThat(client.call("embed", Map.of("texts", List.of("a b", "c")),
				new ParameterizedTypeReference<List<List<Integer>>>() {
				}))
			.containsExactly(List.of(3, 2), List.of(1, 1));

		byte[] audio = { 0, (byte) 0xFF, (byte) 0xC3, 0x28, 10, 13 };
		Path wav = Files.write(this.temp.resolve("clip.wav"), audio);
		Map<String, Object> heard = client.call("transcribe", Map.of("audio", wav, "language", "fr"), JSON);
		assertThat(heard).containsEntry("filename", "clip.wav")
			.containsEntry("size", audio.length)
			.containsEntry("sha256", ServiceCallWireTests.sha256(audio))
			.containsEntry("language", "fr");
		Map<String, Object> fromResource = client.call("transcribe",
				Map.of("audio", new ClassPathResource("service/example-schema.json")), JSON);
		assertThat(fromResource).containsEntry("filename", "example-schema.json")
			.containsEntry("size", (int) new ClassPathResource("service/example-schema.json").contentLength());

		Path rendered = client.call("render", Map.of("text", "héllo"), Path.class);
		assertThat(rendered.getFileName()).hasToString("render.txt");
		assertThat(Files.readString(rendered, StandardCharsets.UTF_8)).isEqualTo("héllo");

		try (var chunks = client.stream("generate", Map.of("prompt", "hi", "n", 4))) {
			assertThat(String.join("", chunks.toList())).isEqualTo("token-0 token-1 token-2 token-3 ");
		}

		BlockingBentoTask job = client.submit("long_job", Map.of("seconds", 0.3));
		assertThat(job.status().state()).isIn(TaskState.PENDING, TaskState.IN_PROGRESS);
		assertThat(job.await(Duration.ofSeconds(10), JSON)).containsEntry("done", true);
		assertThat(job.status().state()).isEqualTo(TaskState.COMPLETED);
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void reactiveStreamAndTask(BentoCloudConnectorFactory connectors) {
		BentoServiceClient client = client(connectors).reactive();
		StepVerifier.create(client.stream("generate", Map.of("prompt", "hi", "n", 2)).reduce(String::concat))
			.expectNext("token-0 token-1 ")
			.verifyComplete();
		StepVerifier
			.create(client.submit("long_job", Map.of("seconds", 0.1))
				.flatMap((task) -> task.await(Duration.ofSeconds(10), JSON)))
			.assertNext((result) -> assertThat(result).containsEntry("done", true))
			.verifyComplete();
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void theServersValidationAndErrorBodies(BentoCloudConnectorFactory connectors) {
		BentoCloudEmulator server = this.emulator.get();
		server.serveApi("example",
				ServiceApi.named("Strict")
					.route(ApiRoute.json("classify").arrayParam("input", "number"))
					.route(ApiRoute.json("explode").answer((call) -> {
						throw ServiceErrorAnswer.json(500, List.of(Map.of("error", "model crashed")));
					})));
		BlockingBentoServiceClient client = BentoServiceClientFactory.builder()
			.connectorFactory(connectors)
			.defaultToken(this.token)
			.checkCalls(false) // let the server validate
			.build()
			.create(this.url)
			.blocking();
		assertThatExceptionOfType(BentoServiceException.class)
			.isThrownBy(() -> client.call("classify", Map.of("input", List.of("x")), JSON))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getRequestId()).isNotBlank();
				assertThat(ex.getDetails()).isNotEmpty();
			});
		assertThatExceptionOfType(BentoServiceException.class).isThrownBy(() -> client.call("explode", null, JSON))
			.satisfies((ex) -> assertThat(ex.getServerMessage()).isEqualTo("model crashed"));
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> BentoServiceClientFactory.builder()
				.connectorFactory(connectors)
				.build()
				.create(this.url)
				.blocking()
				.waitUntilReady(Duration.ofSeconds(5)));
	}

}
