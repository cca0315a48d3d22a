package dev.bentocloud.client.service;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudMalformedResponseException;
import dev.bentocloud.client.BentoCloudTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a call puts on the wire (contract 6.1: a JSON object of the named arguments, the
 * bare value for a root input, multipart for files) and how each kind of answer is read
 * (text, JSON, bytes, files), against a scripted server, on both connectors.
 */
class ServiceCallWireTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private ScriptedService service;

	@TempDir
	Path temp;

	@BeforeEach
	void start() {
		this.service = ServiceTestSupport.scriptedService();
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private BlockingBentoServiceClient client(BentoCloudConnectorFactory connectors) {
		return ServiceTestSupport.factory(connectors)
			.tempDirectory(this.temp)
			.build()
			.create(this.service.url())
			.blocking();
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void jsonArgumentsInTextOut(BentoCloudConnectorFactory connectors) {
		this.service.text("POST /summarize", 200, "A short summary");
		String summary = client(connectors).call("summarize", Map.of("text", "Long text"), String.class);
		assertThat(summary).isEqualTo("A short summary");
		ScriptedService.Received call = this.service.received("POST /summarize").get(0);
		assertThat(call.header("content-type")).isEqualTo("application/json");
		assertThat(call.header("authorization")).isEqualTo("Bearer " + ServiceTestSupport.TOKEN);
		assertThat(call.header("x-yatai-api-token")).isNull();
		assertThat(call.header("user-agent")).startsWith("bentocloud-java/");
		assertThat(call.bodyText()).isEqualTo("{\"text\":\"Long text\"}");
		assertThat(call.query()).isNull();
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void recordInputJsonOutToTheSchemasPath(BentoCloudConnectorFactory connectors) {
		this.service.json("POST /v1/classify", 200, "{\"label\":\"positive\",\"score\":0.9}");
		record Features(List<Double> input) {
		}
		record Classification(String label, double score) {
		}
		Classification result = client(connectors).call("classify", new Features(List.of(1.5, -0.5)),
				Classification.class);
		assertThat(result).isEqualTo(new Classification("positive", 0.9));
		assertThat(this.service.received("POST /v1/classify").get(0).bodyText()).isEqualTo("{\"input\":[1.5,-0.5]}");
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void rootInputSendsTheBareValue(BentoCloudConnectorFactory connectors) {
		this.service.json("POST /embed", 200, "{\"vectors\":2}");
		Map<String, Object> result = client(connectors).call("embed", Map.of("root", List.of("a", "b")), JSON);
		assertThat(result).containsEntry("vectors", 2);
		assertThat(this.service.received("POST /embed").get(0).bodyText()).isEqualTo("[\"a\",\"b\"]");
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void filesGoAsMultipartWithOtherArgumentsAsJsonFields(BentoCloudConnectorFactory connectors) throws Exception {
		byte[] audio = new byte[70_000];
		for (int i = 0; i < audio.length; i++) {
			audio[i] = (byte) (i * 31);
		}
		Path file = Files.write(this.temp.resolve("speech.wav"), audio);
		this.service.json("POST /transcribe", 200, "{\"text\":\"hello\"}");
		Map<String, Object> result = client(connectors).call("transcribe", Map.of("audio", file, "clips",
				List.of(ServiceFile.of(new byte[] { 0, (byte) 0xFF }, "a.bin"),
						ServiceFile.of("é".getBytes(StandardCharsets.UTF_8), "b.txt", "text/plain")),
				"language", "fr"), JSON);
		assertThat(result).containsEntry("text", "hello");
		ScriptedService.Received call = this.service.received("POST /transcribe").get(0);
		String contentType = call.header("content-type");
		assertThat(contentType).startsWith("multipart/form-data;").contains("boundary=");
		List<Multipart.Part> parts = Multipart.parse(call.body(), contentType);
		assertThat(parts).extracting(Multipart.Part::name)
			.containsExactlyInAnyOrder("audio", "clips", "clips", "language");
		Multipart.Part audioPart = parts.stream().filter((p) -> p.name().equals("audio")).findFirst().orElseThrow();
		assertThat(audioPart.filename()).isEqualTo("speech.wav");
		assertThat(audioPart.contentType()).isEqualTo("audio/x-wav");
		assertThat(sha256(audioPart.content())).isEqualTo(sha256(audio));
		List<Multipart.Part> clips = parts.stream().filter((p) -> p.name().equals("clips")).toList();
		assertThat(clips).extracting(Multipart.Part::filename).containsExactly("a.bin", "b.txt");
		assertThat(clips.get(0).content()).containsExactly(0, 0xFF);
		assertThat(clips.get(0).contentType()).isEqualTo("application/octet-stream");
		assertThat(clips.get(1).contentType()).isEqualTo("text/plain");
		Multipart.Part language = parts.stream().filter((p) -> p.name().equals("language")).findFirst().orElseThrow();
		assertThat(language.filename()).isNull();
		assertThat(new String(language.content(), StandardCharsets.UTF_8)).isEqualTo("\"fr\"");
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void fileOutputsAsPathResourceServiceFileAndBytes(BentoCloudConnectorFactory connectors) throws Exception {
		byte[] content = "rendered ✓".getBytes(StandardCharsets.UTF_8);
		this.service.on("POST /render", (exchange) -> {
			exchange.getResponseHeaders().set("content-disposition", "attachment; filename=\"../../etc/render.txt\"");
			ScriptedService.send(exchange, 200, "text/plain", content);
		});
		BlockingBentoServiceClient client = client(connectors);
		Path path = client.call("render", Map.of("text", "x"), Path.class);
		assertThat(path.getFileName()).hasToString("render.txt");
		assertThat(path).startsWith(this.temp).hasBinaryContent(content);
		Resource resource = client.call("render", Map.of("text", "x"), Resource.class);
		assertThat(resource.getFilename()).isEqualTo("render.txt");
		assertThat(resource.getContentAsByteArray()).isEqualTo(content);
		ServiceFile file = client.call("render", Map.of("text", "x"), ServiceFile.class);
		assertThat(file.filename()).isEqualTo("render.txt");
		assertThat(file.contentType()).hasToString("text/plain");
		assertThat(client.call("render", Map.of("text", "x"), byte[].class)).isEqualTo(content);
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void answersAbove256KiBAreReadUpToTheConfiguredLimit(BentoCloudConnectorFactory connectors) {
		String big = "{\"text\":\"" + "x".repeat(1_000_000) + "\"}";
		this.service.json("POST /v1/classify", 200, big);
		Map<String, Object> result = client(connectors).call("classify", Map.of("input", List.of(1)), JSON);
		assertThat((String) result.get("text")).hasSize(1_000_000);
		BlockingBentoServiceClient small = ServiceTestSupport.factory(connectors)
			.maxResponseSize(512 * 1024)
			.build()
			.create(this.service.url())
			.blocking();
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class)
			.isThrownBy(() -> small.call("classify", Map.of("input", List.of(1)), JSON))
			.withMessageContaining("larger than 512 KiB")
			.withMessageContaining("maxResponseSize");
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void textAnswerReadAsJsonTypeIsAClearError(BentoCloudConnectorFactory connectors) {
		this.service.text("POST /summarize", 200, "plain words");
		assertThatExceptionOfType(InvalidServiceCallException.class)
			.isThrownBy(() -> client(connectors).call("summarize", Map.of("text", "t"), JSON))
			.withMessageContaining("text/plain")
			.withMessageContaining("String.class");
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void perCallTimeoutAndWithTimeout(BentoCloudConnectorFactory connectors) {
		this.service.on("POST /summarize", (exchange) -> {
			sleep(3000);
			ScriptedService.send(exchange, 200, "text/plain", "late");
		});
		BlockingBentoServiceClient quick = client(connectors).withCallTimeout(Duration.ofMillis(500));
		long start = System.nanoTime();
		assertThatExceptionOfType(BentoCloudTransportException.class)
			.isThrownBy(() -> quick.call("summarize", Map.of("text", "t"), String.class))
			.withMessageContaining("did not complete POST /summarize within 500 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(client(connectors).withCallTimeout(Duration.ofSeconds(10))
			.call("summarize", Map.of("text", "t"), String.class)).isEqualTo("late");
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void redirectsAreNotFollowedAndTheTokenStaysHome(BentoCloudConnectorFactory connectors) {
		this.service.on("POST /summarize", (exchange) -> {
			exchange.getResponseHeaders().set("Location", this.service.url() + "/stolen");
			ScriptedService.send(exchange, 307, "text/plain", "");
		});
		assertThatExceptionOfType(BentoServiceException.class)
			.isThrownBy(() -> client(connectors).call("summarize", Map.of("text", "t"), String.class))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(307));
		assertThat(this.service.received()).noneMatch((r) -> r.path().equals("/stolen"));
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void chunkedJsonAnswerAndVoid(BentoCloudConnectorFactory connectors) {
		this.service.on("POST /v1/classify", (exchange) -> {
			try (OutputStream out = ScriptedService.chunked(exchange, 200, "application/json")) {
				out.write("{\"label\":".getBytes(StandardCharsets.UTF_8));
				out.flush();
				out.write("\"ok\"}".getBytes(StandardCharsets.UTF_8));
			}
		});
		assertThat(client(connectors).call("classify", Map.of("input", List.of()), JSON)).containsEntry("label", "ok");
		assertThat(client(connectors).call("classify", Map.of("input", List.of()), Void.class)).isNull();
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
