package dev.bentocloud.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark 7: a soak of management calls ({@code currentUser()}) and service calls
 * ({@code classify}) against the emulator with faults injected into 5% of requests
 * (connection resets, 5xx, dripping bodies, truncated bodies), at a fixed concurrency.
 * Every call must end, successful or with a {@link BentoCloudException}, within its
 * deadline; the table reports outcomes by kind, the slowest call against its deadline,
 * connections left open once idle, and heap after GC before and after.
 */
final class SoakBenchmark {

	private static final String USER = "/api/v1/auth/current";

	private static final String CLASSIFY = "/__services/soak/classify";

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

	private final int calls;

	private final int concurrency;

	SoakBenchmark(int calls, int concurrency) {
		this.calls = calls;
		this.concurrency = concurrency;
	}

	record Result(int calls, double seconds, Map<String, Long> outcomes, long injected, long requests,
			double slowestMillis, long deadlineMillis, long heapBeforeMb, long heapAfterMb, int openConnections,
			int concurrency) {
	}

	Result run() throws InterruptedException {
		try (BentoCloudEmulator emulator = BentoCloudEmulator.builder().maxRecordedRequests(0).start()) {
			emulator.recordRequests(false);
			emulator.seedDeployment("soak", "soak:1", false);
			BentoCloudClient management = BentoCloudClient.builder()
				.endpoint(emulator.endpoint())
				.apiToken(emulator.apiToken())
				.responseTimeout(Duration.ofSeconds(1))
				.callTimeout(CALL_TIMEOUT)
				.retry(2, Duration.ofMillis(5), Duration.ofMillis(50))
				.build();
			BentoServiceClient service = BentoServiceClientFactory.builder()
				.callTimeout(CALL_TIMEOUT)
				.build()
				.create(URI.create(emulator.deploymentUrl("soak")));
			Map<String, Object> input = Map.of("input", List.of(1.0, 2.0, 3.0));
			List<Supplier<Mono<?>>> kinds = List.of(management::currentUser,
					() -> service.call("classify", input, Map.class));
			for (String path : List.of(USER, CLASSIFY)) {
				emulator.faults().on("*", path).probability(0.0125).resetConnection();
				emulator.faults().on("*", path).probability(0.0127).respond(503);
				emulator.faults().on("*", path).probability(0.013).drip(Duration.ofMillis(150));
				emulator.faults().on("*", path).probability(0.0133).truncatedBody();
			}
			run(kinds, 2_000, new ConcurrentHashMap<>(), new AtomicLong()); // warm-up
			long injectedBefore = emulator.faults().rules().stream().mapToLong((rule) -> rule.hits()).sum();
			long requestsBefore = emulator.requestCount("*", USER) + emulator.requestCount("*", CLASSIFY);
			long heapBefore = usedHeapAfterGc();
			Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
			AtomicLong slowest = new AtomicLong();
			long start = System.nanoTime();
			run(kinds, this.calls, outcomes, slowest);
			double seconds = (System.nanoTime() - start) / 1e9;
			long heapAfter = usedHeapAfterGc();
			Thread.sleep(300);
			int open = emulator.openConnections();
			long injected = emulator.faults().rules().stream().mapToLong((rule) -> rule.hits()).sum() - injectedBefore;
			long requests = emulator.requestCount("*", USER) + emulator.requestCount("*", CLASSIFY) - requestsBefore;
			Map<String, Long> sorted = new TreeMap<>();
			outcomes.forEach((key, value) -> sorted.put(key, value.sum()));
			return new Result(this.calls, seconds, sorted, injected, requests, slowest.get() / 1e6,
					CALL_TIMEOUT.toMillis(), heapBefore >> 20, heapAfter >> 20, open, this.concurrency);
		}
	}

	private void run(List<Supplier<Mono<?>>> kinds, int count, Map<String, LongAdder> outcomes, AtomicLong slowest) {
		Flux.range(0, count).flatMap((i) -> {
			String kind = (i % 2 == 0) ? "management" : "service";
			long t0 = System.nanoTime();
			return kinds.get(i % 2)
				.get()
				.map((value) -> kind + " success")
				.onErrorResume(BentoCloudException.class, (ex) -> Mono.just(kind + " " + outcome(ex)))
				.doOnNext((outcome) -> slowest.accumulateAndGet(System.nanoTime() - t0, Math::max));
		}, this.concurrency)
			.doOnNext((outcome) -> outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment())
			.then()
			.block(Duration.ofMinutes(15));
	}

	private static String outcome(BentoCloudException ex) {
		if (ex instanceof BentoCloudApiException api) {
			return "HTTP " + api.getStatusCode();
		}
		return ex.getClass().getSimpleName();
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
