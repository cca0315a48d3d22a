package dev.bentocloud.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dev.bentocloud.spring.client.BentoCloudClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Benchmark 1: {@code currentUser()} calls per second and latency at several concurrencies, for
 * our reactive client, our blocking client and raw Reactor Netty doing the same request, all
 * against one {@link FixedUserServer}. Rounds interleave the three (raw, reactive, blocking,
 * repeat) so that machine noise hits them alike; each figure is reported as a ratio to raw.
 * <p>
 * Every caller is a closed loop: {@code concurrency} callers, each sending its next request as
 * soon as the last one answered.
 */
final class ThroughputBenchmark {

	private static final String PATH = "/api/v1/auth/current";

	private final Settings settings;

	ThroughputBenchmark(Settings settings) {
		this.settings = settings;
	}

	record Settings(int[] concurrencies, int rounds, Duration roundTime, Duration warmup) {
	}

	record Result(int concurrency, String client, long calls, long errors, double callsPerSecond, double p50Millis,
			double p99Millis, String firstError) {
	}

	List<Result> run() {
		List<Result> results = new ArrayList<>();
		try (FixedUserServer server = FixedUserServer.start()) {
			BentoCloudClient client = BentoCloudClient.builder()
				.endpoint(server.endpoint())
				.apiToken(server.token())
				.build();
			// The practical limit: the same request (same headers) on Reactor Netty, body read as bytes.
			HttpClient raw = HttpClient.create()
				.baseUrl(server.endpoint())
				.headers((h) -> h.set(FixedUserServer.TOKEN_HEADER, server.token())
					.set(HttpHeaderNames.ACCEPT, "application/json")
					.set(HttpHeaderNames.USER_AGENT, "bentocloud-benchmarks"));
			Supplier<Mono<?>> rawCall = () -> raw.get().uri(PATH).responseSingle((response, body) -> {
				if (response.status().code() != 200) {
					return Mono.error(new IllegalStateException("HTTP " + response.status().code()));
				}
				return body.asByteArray();
			});
			Supplier<Mono<?>> reactiveCall = client::currentUser;
			Runnable blockingCall = () -> client.blocking().currentUser();

			long warmupEnd = System.nanoTime() + this.settings.warmup().toNanos();
			while (System.nanoTime() < warmupEnd) {
				Duration slice = Duration.ofMillis(200);
				reactive(rawCall, 8, slice, new Latencies(1));
				reactive(reactiveCall, 8, slice, new Latencies(1));
				blocking(blockingCall, 8, slice, new Latencies(1));
			}
			for (int concurrency : this.settings.concurrencies()) {
				int capacity = 2_000_000;
				Latencies rawLatencies = new Latencies(capacity);
				Latencies reactiveLatencies = new Latencies(capacity);
				Latencies blockingLatencies = new Latencies(capacity);
				long[] nanos = new long[3];
				for (int round = 0; round < this.settings.rounds(); round++) {
					nanos[0] += reactive(rawCall, concurrency, this.settings.roundTime(), rawLatencies);
					nanos[1] += reactive(reactiveCall, concurrency, this.settings.roundTime(), reactiveLatencies);
					nanos[2] += blocking(blockingCall, concurrency, this.settings.roundTime(), blockingLatencies);
				}
				results.add(result(concurrency, "raw Reactor Netty", rawLatencies, nanos[0]));
				results.add(result(concurrency, "reactive client", reactiveLatencies, nanos[1]));
				results.add(result(concurrency, "blocking client", blockingLatencies, nanos[2]));
			}
		}
		return results;
	}

	private static Result result(int concurrency, String name, Latencies latencies, long nanos) {
		long[] sorted = latencies.sorted();
		return new Result(concurrency, name, latencies.calls(), latencies.errors(),
				latencies.calls() / (nanos / 1e9), Latencies.percentileMillis(sorted, 50),
				Latencies.percentileMillis(sorted, 99), latencies.firstError());
	}

	/** {@code concurrency} closed-loop callers of {@code call} for {@code time}; returns the elapsed nanos. */
	private static long reactive(Supplier<Mono<?>> call, int concurrency, Duration time, Latencies latencies) {
		long start = System.nanoTime();
		long deadline = start + time.toNanos();
		Flux.range(0, concurrency)
			.flatMap((caller) -> Mono.defer(() -> {
				long t0 = System.nanoTime();
				return call.get()
					.doOnSuccess((value) -> latencies.record(System.nanoTime() - t0))
					.onErrorResume((ex) -> {
						latencies.error(ex);
						return Mono.empty();
					});
			}).repeat(() -> System.nanoTime() < deadline).then(), concurrency)
			.blockLast(time.plusSeconds(60));
		return System.nanoTime() - start;
	}

	/** {@code concurrency} threads calling {@code call} in a loop for {@code time}; returns the elapsed nanos. */
	private static long blocking(Runnable call, int concurrency, Duration time, Latencies latencies) {
		long start = System.nanoTime();
		long deadline = start + time.toNanos();
		CountDownLatch done = new CountDownLatch(concurrency);
		for (int i = 0; i < concurrency; i++) {
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						long t0 = System.nanoTime();
						try {
							call.run();
							latencies.record(System.nanoTime() - t0);
						}
						catch (RuntimeException ex) {
							latencies.error(ex);
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "blocking-caller-" + i);
			thread.setDaemon(true);
			thread.start();
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		return System.nanoTime() - start;
	}

}
