package dev.bentocloud.client.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Streamed answers (contract 6.1: chunked {@code text/event-stream}, no SSE framing):
 * chunks as they arrive, UTF-8 split across chunks, JSON chunks, a dripping stream, one
 * that never ends (cancel and idle timeout), on both connectors.
 */
class ServiceStreamTests {

	private ScriptedService service;

	@BeforeEach
	void start() {
		this.service = ServiceTestSupport.scriptedService();
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private BentoServiceClient client(BentoCloudConnectorFactory connectors, Duration idle) {
		return ServiceTestSupport.factory(connectors).streamIdleTimeout(idle).build().create(this.service.url());
	}

	private void streamChunks(List<byte[]> chunks, long pauseMillis) {
		this.service.on("POST /generate", (exchange) -> {
			try (OutputStream out = ScriptedService.chunked(exchange, 200, "text/event-stream; charset=utf-8")) {
				for (byte[] chunk : chunks) {
					out.write(chunk);
					out.flush();
					ServiceCallWireTests.sleep(pauseMillis);
				}
			}
		});
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void chunksArriveAsTheyAreWritten(BentoCloudConnectorFactory connectors) {
		// The server writes the rest only once the client has the first chunk: a client
		// that buffered the stream would leave it waiting (no wall-clock bound, so a
		// loaded machine cannot fail it).
		CountDownLatch firstReceived = new CountDownLatch(1);
		AtomicBoolean restWrittenAfterFirstReceived = new AtomicBoolean();
		this.service.on("POST /generate", (exchange) -> {
			try (OutputStream out = ScriptedService.chunked(exchange, 200, "text/event-stream; charset=utf-8")) {
				out.write(bytes("token-0 "));
				out.flush();
				restWrittenAfterFirstReceived.set(awaitUninterruptibly(firstReceived));
				out.write(bytes("token-1 "));
				out.flush();
				out.write(bytes("token-2 "));
			}
		});
		StepVerifier.create(client(connectors, Duration.ofSeconds(30)).stream("generate", Map.of("prompt", "hi")))
			.assertNext((chunk) -> {
				assertThat(chunk).isEqualTo("token-0 ");
				firstReceived.countDown();
			})
			.expectNext("token-1 ", "token-2 ")
			.verifyComplete();
		assertThat(restWrittenAfterFirstReceived).as("the first chunk reached the caller before the rest was written")
			.isTrue();
		ScriptedService.Received request = this.service.received("POST /generate").get(0);
		assertThat(request.bodyText()).isEqualTo("{\"prompt\":\"hi\"}");
		assertThat(request.header("accept")).isEqualTo("text/event-stream");
	}

	private static boolean awaitUninterruptibly(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void aCharacterSplitAcrossChunksIsDecodedWhole(BentoCloudConnectorFactory connectors) {
		byte[] text = "héllo 🙂 wörld".getBytes(StandardCharsets.UTF_8);
		// cut inside "é" (2 bytes) and inside the emoji (4 bytes)
		streamChunks(List.of(slice(text, 0, 2), slice(text, 2, 9), slice(text, 9, 10), slice(text, 10, text.length)),
				50);
		List<String> chunks = client(connectors, Duration.ofSeconds(5)).stream("generate", Map.of("prompt", "x"))
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("héllo 🙂 wörld");
		assertThat(chunks).noneMatch((chunk) -> chunk.contains("\uFFFD"));
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void jsonChunksSplitAnywhere(BentoCloudConnectorFactory connectors) {
		streamChunks(List.of(bytes("{\"i\":0,\"w\":\"a\"}\n{\"i\""), bytes(":1,\"w\":\"b\"}"), bytes("{\"i\":2,"),
				bytes("\"w\":\"c\"}\n")), 20);
		record Token(int i, String w) {
		}
		List<Token> tokens = client(connectors, Duration.ofSeconds(5))
			.streamJson("generate", Map.of("prompt", "x"), Token.class)
			.collectList()
			.block();
		assertThat(tokens).containsExactly(new Token(0, "a"), new Token(1, "b"), new Token(2, "c"));
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void aStreamThatGoesQuietFailsAtTheIdleTimeout(BentoCloudConnectorFactory connectors) {
		streamChunks(List.of(bytes("first"), bytes("never")), 5_000);
		long start = System.nanoTime();
		StepVerifier.create(client(connectors, Duration.ofMillis(600)).stream("generate", Map.of("prompt", "x")))
			.expectNext("first")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BentoCloudTransportException.class)
				.hasMessageContaining("within 600 ms"))
			.verify(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void cancellingAnEndlessStreamClosesTheConnection(BentoCloudConnectorFactory connectors)
			throws InterruptedException {
		CountDownLatch serverSawTheEnd = new CountDownLatch(1);
		AtomicInteger written = new AtomicInteger();
		this.service.on("POST /generate", (exchange) -> {
			OutputStream out = ScriptedService.chunked(exchange, 200, "text/event-stream; charset=utf-8");
			try {
				for (int i = 0; i < 100_000; i++) {
					out.write(bytes("chunk-" + i + " "));
					out.flush();
					written.incrementAndGet();
					ServiceCallWireTests.sleep(10);
				}
			}
			catch (IOException ex) {
				serverSawTheEnd.countDown();
			}
		});
		List<String> first = client(connectors, Duration.ofSeconds(5)).stream("generate", Map.of("prompt", "x"))
			.take(5)
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(first).hasSize(5);
		assertThat(serverSawTheEnd.await(5, TimeUnit.SECONDS)).as("the server's writes fail once the client is gone")
			.isTrue();
		assertThat(written.get()).isLessThan(1_000);
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void blockingStreamIsReadAsItArrivesAndClosingItHangsUp(BentoCloudConnectorFactory connectors)
			throws InterruptedException {
		CountDownLatch serverSawTheEnd = new CountDownLatch(1);
		this.service.on("POST /generate", (exchange) -> {
			OutputStream out = ScriptedService.chunked(exchange, 200, "text/event-stream; charset=utf-8");
			try {
				for (int i = 0; i < 100_000; i++) {
					out.write(bytes("c" + i + ";"));
					out.flush();
					ServiceCallWireTests.sleep(10);
				}
			}
			catch (IOException ex) {
				serverSawTheEnd.countDown();
			}
		});
		BlockingBentoServiceClient client = client(connectors, Duration.ofSeconds(5)).blocking();
		try (Stream<String> chunks = client.stream("generate", Map.of("prompt", "x"))) {
			assertThat(chunks.limit(3).toList()).hasSize(3);
		}
		assertThat(serverSawTheEnd.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void anErrorStatusOnAStreamIsAServiceError(BentoCloudConnectorFactory connectors) {
		this.service.json("POST /generate", 500, "[{\"error\":\"model crashed\"}]");
		assertThatExceptionOfType(BentoServiceException.class).isThrownBy(
				() -> client(connectors, Duration.ofSeconds(5)).stream("generate", Map.of("prompt", "x")).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(500);
				assertThat(ex.getServerMessage()).isEqualTo("model crashed");
			});
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		return java.util.Arrays.copyOfRange(bytes, from, to);
	}

}
