package dev.bentocloud.client;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.FaultRule;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many current-user calls at concurrency 64 while the emulator injects about 5% faults
 * (503, 500, 429, connection reset, slow first byte beyond the timeout). Every call must
 * end with a user or a mapped {@link BentoCloudException}; afterwards no connection,
 * thread or heap may have leaked.
 * <p>
 * 10,000 calls by default; {@code -Dbentocloud.soak.calls=100000} for the full soak.
 * Prints its numbers instead of asserting on speed.
 */
@ExtendWith(OutputCaptureExtension.class)
class SoakTests {

	private static final String USER = "/api/v1/auth/current";

	private static final int CONCURRENCY = 64;

	private static final int CALLS = Integer.getInteger("bentocloud.soak.calls", 10_000);

	private BentoCloudEmulator emulator;

	private ResourceLeakDetector.Level leakLevel;

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void start() {
		this.emulator = BentoCloudEmulator.builder().maxRecordedRequests(0).start();
		this.emulator.recordRequests(false);
		this.leakLevel = ResourceLeakDetector.getLevel();
		ResourceLeakDetector.setLevel(
				ResourceLeakDetector.Level.valueOf(System.getProperty("bentocloud.soak.leak-detection", "ADVANCED")));
		// Reactor Netty warns once per reset or timed-out connection; thousands of stack
		// traces say nothing
		this.logging.setLogLevel("reactor.netty", LogLevel.ERROR);
	}

	@AfterEach
	void stop() {
		this.logging.setLogLevel("reactor.netty", null);
		ResourceLeakDetector.setLevel(this.leakLevel);
		this.emulator.close();
	}

	@Test
	void callsAllEndAndNothingLeaks(CapturedOutput output) throws InterruptedException {
		BentoCloudClient client = BentoCloudClient.builder()
			.endpoint(this.emulator.endpoint())
			.apiToken(this.emulator.apiToken())
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofMillis(500))
			.retry(2, Duration.ofMillis(1), Duration.ofMillis(10))
			.build();
		List<FaultRule> rules = List.of(
				this.emulator.faults().on("GET", USER).probability(0.02).respond(503).header("x-trace-id", "soak"),
				this.emulator.faults().on("GET", USER).probability(0.01).respond(500),
				this.emulator.faults().on("GET", USER).probability(0.01).respond(429).header("Retry-After", "0"),
				this.emulator.faults().on("GET", USER).probability(0.009).resetConnection(),
				this.emulator.faults().on("GET", USER).probability(0.001).delay(Duration.ofSeconds(1)));

		run(client, 2_000); // warm-up: event loops, schedulers, codecs, JIT
		this.emulator.clearRequests();
		int baselineThreads = settledThreadCount();
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		int[] hitsBefore = rules.stream().mapToInt(FaultRule::hits).toArray();
		List<Long> heapAfterThird = new ArrayList<>();
		List<Integer> connectionsAfterThird = new ArrayList<>();
		long started = System.nanoTime();
		for (int third = 0; third < 3; third++) {
			merge(outcomes, run(client, (third < 2) ? CALLS / 3 : CALLS - 2 * (CALLS / 3)));
			heapAfterThird.add(usedHeapAfterGc());
			connectionsAfterThird.add(settledOpenConnections());
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int threads = settledThreadCount();
		long total = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
		long injected = 0;
		for (int i = 0; i < rules.size(); i++) {
			injected += rules.get(i).hits() - hitsBefore[i];
		}
		long requests = this.emulator.requestCount("GET", USER);

		System.out.printf("Soak: %d calls (%d requests) at concurrency %d in %.1f s = %.0f calls/s%n", total, requests,
				CONCURRENCY, seconds, total / seconds);
		System.out.printf("Soak: %d faults injected (%.1f%% of requests); outcomes %s%n", injected,
				100.0 * injected / requests, outcomes);
		System.out.printf(
				"Soak: threads %d before, %d after; heap after GC per third %s MiB; open connections "
						+ "per third %s%n",
				baselineThreads, threads, heapAfterThird.stream().map((b) -> b >> 20).toList(), connectionsAfterThird);

		assertThat(total).as("every call ended").isEqualTo(CALLS);
		assertThat(outcomes).containsKey("success");
		assertThat(injected).as("faults were injected").isGreaterThan(requests / 40);
		// other tests' threads may end meanwhile: only growth is a leak
		assertThat(threads).as("live threads").isLessThanOrEqualTo(baselineThreads + 4);
		assertThat(connectionsAfterThird).as("open connections once idle")
			.allSatisfy((open) -> assertThat(open).isLessThanOrEqualTo(CONCURRENCY + 4));
		assertThat(heapAfterThird.get(2)).as("heap after GC does not grow from the first third to the last")
			.isLessThanOrEqualTo(heapAfterThird.get(0) + Math.max(32L << 20, heapAfterThird.get(0) / 4));
		assertThat(output).as("Netty reported no leaked buffer").doesNotContain("LEAK:");
		assertThat(output).doesNotContain(this.emulator.apiToken());
	}

	/**
	 * Runs calls; every one ends as "success" or the simple name of its
	 * BentoCloudException.
	 */
	private Map<String, LongAdder> run(BentoCloudClient client, int calls) {
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		Flux.range(0, calls)
			.flatMap((i) -> client.currentUser()
				.map((user) -> "success")
				.onErrorResume(BentoCloudException.class, (ex) -> Mono.just(outcome(ex))), CONCURRENCY)
			.doOnNext((outcome) -> outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment())
			.then()
			.block(Duration.ofMinutes(10));
		return outcomes;
	}

	private static String outcome(BentoCloudException ex) {
		if (ex instanceof BentoCloudApiException api) {
			return api.getStatusCode() + "";
		}
		return ex.getClass().getSimpleName().replace("BentoCloud", "");
	}

	private static Map<String, LongAdder> merge(Map<String, LongAdder> into, Map<String, LongAdder> from) {
		from.forEach((key, value) -> into.computeIfAbsent(key, (k) -> new LongAdder()).add(value.sum()));
		return into;
	}

	private int settledOpenConnections() throws InterruptedException {
		Thread.sleep(200); // let closes from the last calls reach the server
		return this.emulator.openConnections();
	}

	private static int settledThreadCount() throws InterruptedException {
		Thread.sleep(200);
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
