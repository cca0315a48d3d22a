package dev.bentocloud.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.emulator.BentoCloudEmulator;
import reactor.core.publisher.Flux;

/**
 * Benchmark 2: listing {@value #TOKENS} API tokens through paging (the emulator caps
 * pages at 100, as the real server does), streamed ({@code Flux}, each token dropped once
 * seen) versus collected into a list.
 * <p>
 * Time comes from plain runs, interleaved. Memory comes from separate probe runs that
 * force a full GC every {@code probeEvery} tokens and record the heap still in use: the
 * peak of that is the live memory the listing needs, which is what "bounded" means
 * (allocation rate is not).
 */
final class PagingBenchmark {

	static final int TOKENS = 10_000;

	private final int rounds;

	private final int probeEvery;

	PagingBenchmark(int rounds, int probeEvery) {
		this.rounds = rounds;
		this.probeEvery = probeEvery;
	}

	record Result(String mode, long tokens, double medianMillis, double peakLiveHeapMb) {
	}

	List<Result> run() {
		try (BentoCloudEmulator emulator = BentoCloudEmulator.start()) {
			emulator.seedApiTokens(TOKENS);
			BentoCloudClient client = BentoCloudClient.builder()
				.endpoint(emulator.endpoint())
				.apiToken(emulator.apiToken())
				.responseTimeout(Duration.ofSeconds(30))
				.build();
			Flux<ApiToken> tokens = client.apiTokens().list();
			long expected = tokens.count().block();
			if (expected < TOKENS) {
				throw new IllegalStateException("Listed " + expected + " tokens, seeded " + TOKENS);
			}
			double[] streamed = new double[this.rounds];
			double[] collected = new double[this.rounds];
			for (int round = 0; round < this.rounds; round++) {
				long t0 = System.nanoTime();
				long count = tokens.count().block();
				streamed[round] = (System.nanoTime() - t0) / 1e6;
				check(count, expected);
				t0 = System.nanoTime();
				List<ApiToken> list = tokens.collectList().block();
				collected[round] = (System.nanoTime() - t0) / 1e6;
				check(list.size(), expected);
			}
			double streamedPeak = peakLiveHeapMb(tokens, false, expected);
			double collectedPeak = peakLiveHeapMb(tokens, true, expected);
			emulator.clearRequests();
			return List.of(new Result("streamed (Flux)", expected, median(streamed), streamedPeak),
					new Result("collected (List)", expected, median(collected), collectedPeak));
		}
	}

	/**
	 * The most heap found in use after a full GC, above what was in use before the
	 * listing.
	 */
	private double peakLiveHeapMb(Flux<ApiToken> tokens, boolean collect, long expected) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long baseline = liveHeap(memory);
		AtomicLong peak = new AtomicLong();
		AtomicLong seen = new AtomicLong();
		Flux<ApiToken> probed = tokens.doOnNext((token) -> {
			if (seen.incrementAndGet() % this.probeEvery == 0) {
				peak.accumulateAndGet(liveHeap(memory) - baseline, Math::max);
			}
		});
		if (collect) {
			List<ApiToken> list = probed.collectList().block();
			peak.accumulateAndGet(liveHeap(memory) - baseline, Math::max);
			check(list.size(), expected);
		}
		else {
			check(probed.count().block(), expected);
		}
		return peak.get() / (1024.0 * 1024.0);
	}

	private static long liveHeap(MemoryMXBean memory) {
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static void check(long count, long expected) {
		if (count != expected) {
			throw new IllegalStateException("Listed " + count + " tokens, expected " + expected);
		}
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
