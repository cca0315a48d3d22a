package dev.bentocloud.sample.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.ServiceApi;
import dev.bentocloud.emulator.ServiceErrorAnswer;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ServiceController} end to end: real HTTP from the test to the sample, and from
 * the sample to the emulator's deployment {@code demo-iris}, whose URL is looked up
 * through the emulator's management API as with profile {@code emulator}.
 * <p>
 * A test that needs other behaviour serves the example service with one route replaced by
 * a route of the same name and parameters: the client reads the service's schema once, so
 * every variant must keep it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bentocloud.services.demo.deployment=demo-iris",
				// demo-iris does not check it; it is there so that a leak would show
				"bentocloud.services.demo.token=" + ServiceControllerTests.SERVICE_TOKEN,
				"spring.webflux.multipart.max-disk-usage-per-part=1MB" })
@AutoConfigureBentoCloudEmulator(seedDemoData = true)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ServiceControllerTests {

	static final String SERVICE_TOKEN = "svc_sample-test-service-token";

	private static final String DEPLOYMENT = "demo-iris";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient web;

	@Autowired
	private BentoCloudEmulator emulator;

	@Test
	void generateRelaysEachChunkAsAnEvent() {
		List<ServerSentEvent<String>> events = this.web.get()
			.uri("/services/demo/generate?prompt=hi&n=5")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting(ServerSentEvent::data)
			.containsExactly("token-0 ", "token-1 ", "token-2 ", "token-3 ", "token-4 ");
		assertThat(events).extracting(ServerSentEvent::event).containsOnlyNulls();
	}

	@Test
	void onTheWireEachChunkIsOneDataEvent() {
		assertThat(rawStream("/services/demo/generate?prompt=hi&n=2")).isEqualTo("data:token-0 \n\ndata:token-1 \n\n");
	}

	@Test
	void theServicesDefaultAppliesWithoutN() {
		assertThat(rawStream("/services/demo/generate?prompt=hi"))
			.isEqualTo("data:token-0 \n\ndata:token-1 \n\n" + "data:token-2 \n\n");
	}

	@Test
	void chunksArriveAsSentOnlyLineBreaksAreFramed() {
		serveExampleWith(generateRoute()
			.chunks((call) -> List.of("a\nb", "c\rd", "e\r\nf", "\u001b[31mred\u0007", "é😀 ", "data: not a field")
				.iterator()));
		String raw = rawStream("/services/demo/generate?prompt=hi");
		// one data line per line of the chunk; nothing else escaped or dropped
		assertThat(raw).isEqualTo("data:a\ndata:b\n\ndata:c\ndata:d\n\ndata:e\ndata:f\n\ndata:\u001b[31mred\u0007\n\n"
				+ "data:é😀 \n\ndata:data: not a field\n\n");
		List<ServerSentEvent<String>> events = this.web.get()
			.uri("/services/demo/generate?prompt=hi")
			.exchange()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		// an EventSource joins the lines with \n: a CR cannot travel in SSE data
		assertThat(events).extracting(ServerSentEvent::data)
			.containsExactly("a\nb", "c\nd", "e\nf", "\u001b[31mred\u0007", "é😀 ", "data: not a field");
	}

	@Test
	void eachEventArrivesAsTheServiceProducesItsChunk() {
		AtomicInteger produced = new AtomicInteger();
		serveExampleWith(generateRoute().chunkPause(Duration.ofMillis(300)).chunks((call) -> counted(produced, 5)));
		long start = System.nanoTime();
		List<Long> arrivalMillis = new ArrayList<>();
		List<Integer> producedAtArrival = new ArrayList<>();
		this.web.get()
			.uri("/services/demo/generate?prompt=hi&n=5")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.doOnNext((event) -> {
				arrivalMillis.add((System.nanoTime() - start) / 1_000_000);
				producedAtArrival.add(produced.get());
			})
			.blockLast(Duration.ofSeconds(10));
		assertThat(producedAtArrival).hasSize(5);
		assertThat(producedAtArrival.get(0)).as("chunks produced when the first event arrived").isLessThan(5);
		// four pauses of 300 ms lie between the first chunk and the last
		assertThat(arrivalMillis.get(4) - arrivalMillis.get(0)).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void cancellingTheRequestCancelsTheServicesStream() {
		AtomicInteger produced = new AtomicInteger();
		serveExampleWith(generateRoute().chunkPause(Duration.ofMillis(20)).chunks((call) -> counted(produced, -1)));
		List<ServerSentEvent<String>> first = this.web.get()
			.uri("/services/demo/generate?prompt=hi")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.take(3)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(first).extracting(ServerSentEvent::data).containsExactly("chunk-0 ", "chunk-1 ", "chunk-2 ");
		// endless at one chunk per 20 ms: once nothing new comes for 300 ms, it stopped
		int[] last = { -1 };
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
			int now = produced.get();
			boolean stable = now == last[0];
			last[0] = now;
			return stable;
		});
		assertThat(produced.get()).as("chunks produced in all").isLessThan(20);
	}

	@Test
	void aFailureAfterTheFirstEventEndsTheStreamWithAnErrorEvent() {
		// paused, so that each chunk is out before the connection drops
		serveExampleWith(generateRoute().chunkPause(Duration.ofMillis(50)).chunks((call) -> failingAfter(2)));
		List<ServerSentEvent<String>> events = this.web.get()
			.uri("/services/demo/generate?prompt=hi")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).hasSize(3);
		assertThat(events.subList(0, 2)).extracting(ServerSentEvent::data).containsExactly("chunk-0 ", "chunk-1 ");
		assertThat(events.get(2).event()).isEqualTo(ServerSentEvents.ERROR_EVENT);
		assertThat(events.get(2).data()).contains("POST /generate", "connection closed").doesNotContain(SERVICE_TOKEN);
	}

	@Test
	void aFailureBeforeTheFirstEventIsAProblemEvenForAnEventStreamClient() {
		serveExampleWith(generateRoute().chunks((call) -> {
			throw ServiceErrorAnswer.json(500, Map.of("error", "no GPU left for " + SERVICE_TOKEN));
		}));
		String body = this.web.get()
			.uri("/services/demo/generate?prompt=hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The service call failed")
			.jsonPath("$.upstreamStatus")
			.isEqualTo(500)
			.jsonPath("$.serverMessage")
			.isEqualTo("no GPU left for ******")
			.jsonPath("$.upstreamRequestId")
			.isNotEmpty()
			.returnResult()
			.toString();
		assertThat(body).doesNotContain(SERVICE_TOKEN);
	}

	@Test
	void summarize() {
		this.web.get()
			.uri("/services/demo/summarize?text=BentoML serves models")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("Summary: BentoML serves models");
	}

	@Test
	void aServiceErrorIsA502ProblemWithTheServersMessageAndRequestIdButNoToken(CapturedOutput output) {
		serveExampleWith(summarizeRoute().answer((call) -> {
			throw ServiceErrorAnswer.json(500,
					Map.of("error", "model crashed \u001b]0;owned\u0007 while using " + SERVICE_TOKEN));
		}));
		String body = this.web.get()
			.uri("/services/demo/summarize?text=hello")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(502)
			.jsonPath("$.title")
			.isEqualTo("The service call failed")
			.jsonPath("$.upstreamStatus")
			.isEqualTo(500)
			.jsonPath("$.upstreamRequestId")
			.value((String id) -> assertThat(id).matches("[0-9]+"))
			.jsonPath("$.serverMessage")
			.value((String message) -> assertThat(message).startsWith("model crashed").endsWith("using ******"))
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("POST /summarize", "status 500", "request ID"))
			.returnResult()
			.toString();
		assertThat(body).doesNotContain(SERVICE_TOKEN);
		assertThat(output.getAll()).contains("Service call failed: POST /summarize")
			.doesNotContain(SERVICE_TOKEN)
			.doesNotContain("\u001b]0;owned");
	}

	@Test
	void theServicesRefusalOfTheInputIsA400Problem() {
		serveExampleWith(summarizeRoute().answer((call) -> {
			throw ServiceErrorAnswer.json(400, Map.of("error", "text is too short to summarize"));
		}));
		this.web.get()
			.uri("/services/demo/summarize?text=hi")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The service refused the input")
			.jsonPath("$.upstreamStatus")
			.isEqualTo(400)
			.jsonPath("$.serverMessage")
			.isEqualTo("text is too short to summarize");
	}

	@Test
	void aBusyServiceIsA503Problem() {
		serveExampleWith(summarizeRoute().answer((call) -> {
			throw ServiceErrorAnswer.json(503, Map.of("error", "overloaded"));
		}));
		this.web.get()
			.uri("/services/demo/summarize?text=hi")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The service is busy")
			.jsonPath("$.upstreamStatus")
			.isEqualTo(503);
	}

	@Test
	void schemaListsTheRoutes() {
		this.web.get()
			.uri("/services/demo/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("ExampleService")
			.jsonPath("$.routes[?(@.name == 'generate')].parameters[*]")
			.isEqualTo(List.of("prompt", "n?"))
			.jsonPath("$.routes[?(@.name == 'generate')].stream")
			.isEqualTo(List.of(true))
			.jsonPath("$.routes[?(@.name == 'transcribe')].parameters[*]")
			.isEqualTo(List.of("audio", "language?"))
			.jsonPath("$.routes[?(@.name == 'long_job')].task")
			.isEqualTo(List.of(true));
	}

	/** 1 KiB stays in memory while uploaded, 600 KB is spooled to disk. */
	@ParameterizedTest
	@ValueSource(ints = { 1024, 600_000 })
	void anUploadArrivesAtTheServiceByteForByte(int size) throws IOException {
		byte[] bytes = binary(size);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("audio", bytes).filename("speech 1.wav").contentType(MediaType.parseMediaType("audio/wav"));
		parts.part("language", "fr");
		long tempFilesBefore = uploadTempFiles();
		this.web.post()
			.uri("/services/demo/transcribe")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.filename")
			.isEqualTo("speech 1.wav")
			.jsonPath("$.content_type")
			.isEqualTo("audio/wav")
			.jsonPath("$.size")
			.isEqualTo(size)
			.jsonPath("$.sha256")
			.isEqualTo(sha256(bytes))
			.jsonPath("$.language")
			.isEqualTo("fr");
		await().atMost(Duration.ofSeconds(5)).until(() -> uploadTempFiles() <= tempFilesBefore);
	}

	@Test
	void anUploadWithoutLanguageGetsTheServicesDefault() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("audio", new byte[] { 0, (byte) 0xFF }).filename("a.bin");
		this.web.post()
			.uri("/services/demo/transcribe")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.language")
			.isEqualTo("en")
			.jsonPath("$.size")
			.isEqualTo(2);
	}

	@Test
	void anUploadOverTheLimitIs413AndNeverReachesTheService() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("audio", binary(1_500_000)).filename("long.wav");
		this.web.post()
			.uri("/services/demo/transcribe")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Request too large")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("1048576 bytes"));
		assertThat(this.emulator.requestCount("POST", "/__services/" + DEPLOYMENT + "/transcribe")).isZero();
	}

	@Test
	void moreThanFourPartsAreRefused() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("audio", new byte[] { 1 }).filename("a.wav");
		for (int i = 0; i < 4; i++) {
			parts.part("extra" + i, "x");
		}
		this.web.post()
			.uri("/services/demo/transcribe")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Malformed request")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("Too many parts"));
		assertThat(this.emulator.requestCount("POST", "/__services/" + DEPLOYMENT + "/transcribe")).isZero();
	}

	@Test
	void anUploadWithoutTheAudioPartIsA400() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("language", "fr");
		this.web.post()
			.uri("/services/demo/transcribe")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private String rawStream(String uri) {
		return this.web.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The example's generate, with its parameters: the schema stays the same. */
	private static ApiRoute generateRoute() {
		return ApiRoute.stream("generate").param("prompt", "string").param("n", "integer", 3);
	}

	private static ApiRoute summarizeRoute() {
		return ApiRoute.text("summarize").param("text", "string");
	}

	/** The example service with one route replaced (reset after the test). */
	private void serveExampleWith(ApiRoute replacement) {
		ServiceApi example = ServiceApi.example();
		ServiceApi api = ServiceApi.named(example.name());
		for (ApiRoute route : example.routes()) {
			api = api.route(route.name().equals(replacement.name()) ? replacement : route);
		}
		this.emulator.serveApi(DEPLOYMENT, api);
	}

	/** Chunks {@code chunk-0 }, ..., counting each as it is produced; endless for -1. */
	private static Iterator<String> counted(AtomicInteger produced, int max) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return max < 0 || produced.get() < max;
			}

			@Override
			public String next() {
				return "chunk-" + produced.getAndIncrement() + " ";
			}

		};
	}

	/** Chunks, then a failure: the emulator drops the connection mid-response. */
	private static Iterator<String> failingAfter(int chunks) {
		AtomicInteger produced = new AtomicInteger();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public String next() {
				if (produced.get() == chunks) {
					throw new IllegalStateException("the GPU fell off");
				}
				return "chunk-" + produced.getAndIncrement() + " ";
			}

		};
	}

	/** Every byte value, 0x00 and 0xFF included, and CR LF dashes as in a boundary. */
	private static byte[] binary(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i * 31 + (i >> 8));
		}
		byte[] lookalike = "\r\n--boundary\r\n".getBytes();
		System.arraycopy(lookalike, 0, bytes, size / 2, Math.min(lookalike.length, size - size / 2));
		bytes[0] = 0;
		bytes[size - 1] = (byte) 0xFF;
		return bytes;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long uploadTempFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((file) -> file.getFileName().toString().startsWith("sample-upload-")).count();
		}
	}

}
