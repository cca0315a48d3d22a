package dev.bentocloud.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed answers: chunked, flushed as produced, stopped when the client leaves. */
class ServiceStreamingTests {

	private static final long TWO_GIB = 2L * 1024 * 1024 * 1024;

	private static final List<Long> produced = new ArrayList<>();

	private static final Endless ticking = new Endless();

	private static final Endless flooding = new Endless();

	static final ServiceApi API = ServiceApi.named("Streamer")
		.route(ApiRoute.stream("slow").chunkPause(Duration.ofMillis(200)).chunks((call) -> {
			produced.clear();
			return IntStream.range(0, 5).mapToObj((i) -> {
				synchronized (produced) {
					produced.add(System.nanoTime());
				}
				return "chunk-" + i + " ";
			}).iterator();
		}))
		.route(ApiRoute.stream("split")
			.byteChunks((call) -> List.of(new byte[] { 'a', (byte) 0xC3 }, new byte[] { (byte) 0xA9, 'b' }).iterator()))
		.route(ApiRoute.stream("endless").chunkPause(Duration.ofMillis(10)).chunks((call) -> ticking))
		.route(ApiRoute.stream("flood").chunks((call) -> flooding))
		.route(ApiRoute.file("big").generatedFile("big.bin", "application/octet-stream", TWO_GIB));

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.serviceApi("streamer", API));

	@BeforeAll
	static void deploy() {
		emulator.get().seedDeployment("streamer", "streamer:1", false);
		emulator.get().seedDeployment("demo", "demo:1", false);
	}

	@Test
	void chunksArriveOneByOneWhileTheStreamIsStillProduced() throws IOException {
		try (RawHttp http = post("/__services/streamer/slow")) {
			assertThat(http.status).isEqualTo(200);
			assertThat(http.headers).containsEntry("content-type", "text/event-stream; charset=utf-8")
				.containsEntry("transfer-encoding", "chunked")
				.containsEntry("server", "BentoML Service/Streamer")
				.containsKey("x-bentoml-request-id")
				.doesNotContainKey("content-length");
			List<String> chunks = new ArrayList<>();
			long firstArrived = 0;
			for (byte[] chunk = http.nextChunk(); chunk != null; chunk = http.nextChunk()) {
				if (chunks.isEmpty()) {
					firstArrived = System.nanoTime();
				}
				chunks.add(new String(chunk, StandardCharsets.UTF_8));
			}
			assertThat(chunks).containsExactly("chunk-0 ", "chunk-1 ", "chunk-2 ", "chunk-3 ", "chunk-4 ");
			synchronized (produced) {
				assertThat(produced).hasSize(5);
				assertThat(firstArrived).isLessThan(produced.get(4));
				assertThat(Duration.ofNanos(produced.get(4) - produced.get(0)))
					.isGreaterThanOrEqualTo(Duration.ofMillis(800));
			}
		}
	}

	@Test
	void exampleGenerateStreamsTokensWithoutSseFraming() {
		ServiceHttp demo = new ServiceHttp(emulator.get(), "demo");
		assertThat(demo.post("/generate", "{\"prompt\": \"hi\"}").body()).isEqualTo("token-0 token-1 token-2 ");
		HttpResponse<String> four = demo.post("/generate", "{\"prompt\": \"hi\", \"n\": 4}");
		assertThat(four.body()).isEqualTo("token-0 token-1 token-2 token-3 ");
		assertThat(four.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
	}

	@Test
	void byteChunksArriveExactlyAsGivenEvenMidCharacter() throws IOException {
		try (RawHttp http = post("/__services/streamer/split")) {
			assertThat(http.nextChunk()).containsExactly('a', 0xC3);
			assertThat(http.nextChunk()).containsExactly(0xA9, 'b');
			assertThat(http.nextChunk()).isNull();
		}
		assertThat(new ServiceHttp(emulator.get(), "streamer").post("/split", "{}").body()).isEqualTo("aéb");
	}

	@Test
	void endlessStreamStopsWhenTheClientLeaves() throws Exception {
		assertStopsWhenTheClientLeaves("/__services/streamer/endless", ticking);
	}

	@Test
	void endlessStreamWithoutPausesStopsWhenTheClientLeaves() throws Exception {
		assertStopsWhenTheClientLeaves("/__services/streamer/flood", flooding);
	}

	private static void assertStopsWhenTheClientLeaves(String path, Endless endless) throws Exception {
		try (RawHttp http = post(path)) {
			for (int i = 0; i < 3; i++) {
				assertThat(new String(http.nextChunk(), StandardCharsets.UTF_8)).isEqualTo("tick ");
			}
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!endless.closed.get() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(endless.closed).as("the chunks' iterator is closed").isTrue();
		long after = endless.produced.get();
		Thread.sleep(300);
		assertThat(endless.produced.get()).as("no chunk after the client left").isEqualTo(after);
	}

	@Test
	void twoGibFileStreamsWithoutBeingHeldInMemory() throws Exception {
		HttpResponse<InputStream> response = ServiceHttp
			.send(new ServiceHttp(emulator.get(), "streamer").builder("/big")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString("{}")), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-length")).hasValue(String.valueOf(TWO_GIB));
		assertThat(response.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"big.bin\"");
		long started = System.nanoTime();
		long count = 0;
		long heapMidway = -1;
		byte[] buffer = new byte[1024 * 1024];
		try (InputStream body = response.body()) {
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				if (count < buffer.length) {
					for (int i = 0; i < n && count + i < buffer.length; i++) {
						assertThat(buffer[i]).isEqualTo((byte) ((count + i) % 251));
					}
				}
				count += n;
				if (heapMidway < 0 && count >= TWO_GIB / 2) {
					System.gc();
					heapMidway = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				}
			}
		}
		assertThat(count).isEqualTo(TWO_GIB);
		assertThat(heapMidway).as("heap in use halfway, after a GC").isLessThan(256L * 1024 * 1024);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
	}

	private static RawHttp post(String path) throws IOException {
		return new RawHttp(emulator.get().port(), "POST", path, "application/json",
				"{}".getBytes(StandardCharsets.UTF_8));
	}

	/** Ticks forever, counting, until closed. */
	static final class Endless implements Iterator<String>, AutoCloseable {

		final AtomicLong produced = new AtomicLong();

		final AtomicBoolean closed = new AtomicBoolean();

		@Override
		public boolean hasNext() {
			return true;
		}

		@Override
		public String next() {
			this.produced.incrementAndGet();
			return "tick ";
		}

		@Override
		public void close() {
			this.closed.set(true);
		}

	}

}
