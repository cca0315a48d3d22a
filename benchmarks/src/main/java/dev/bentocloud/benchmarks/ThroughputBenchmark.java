package dev.bentocloud.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.model.User;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Benchmark 1: {@code currentUser()} calls per second and latency at several
 * concurrencies, for our reactive client, our blocking client and raw Reactor Netty doing
 * the same request, all against one {@link FixedUserServer}. Rounds interleave them (raw,
 * reactive, blocking, repeat) so that machine noise hits them alike; each figure is
 * reported as a ratio to raw. A bare Spring {@code WebClient} decoding the same
 * {@code User} runs alongside, to show how much of the distance to raw is the framework
 * our client is built on rather than our code.
 * <p>
 * The fair limit is raw Reactor Netty plus Jackson decoding the same {@code User} (a
 * client that returns a {@code User} cannot do less); targets are ratios to it. Our
 * client runs on each connector an application can have ({@link Connectors}): Reactor
 * Netty, the JDK's {@code HttpClient} (ours, and Spring's for comparison), Apache
 * HttpClient 5 and Jetty when their jars are present; with
 * {@code -Dbenchmarks.prototypes=true}, on Reactor Netty also on two prototype connectors
 * of issue #23 ({@link NettyHeadersConnector}, {@link DirectReactorNettyConnector}). CPU
 * per call is the process CPU time ({@code com.sun.management.OperatingSystemMXBean})
 * over a client's rounds divided by its calls; it includes the in-process server's share,
 * which is the same for every client.
 * <p>
 * Every caller is a closed loop: {@code concurrency} callers, each sending its next
 * request as soon as the last one answered.
 */
final class ThroughputBenchmark {

	private static final String PATH = "/api/v1/auth/current";

	private final Settings settings;

	ThroughputBenchmark(Settings settings) {
		this.settings = settings;
	}

	static final String RAW = "raw Reactor Netty";

	static final String REACTIVE = "reactive client";

	static final String BLOCKING = "blocking client";

	static final String WEB_CLIENT = "bare Spring WebClient";

	static final String FAIR = "raw Reactor Netty + Jackson (fair limit)";

	static final String RAW_JDK = "raw JDK HttpClient + Jackson (blocking send)";

	static final String RAW_URL_CONNECTION = "raw HttpURLConnection + Jackson";

	static final String REACTIVE_JDK = "reactive client, JDK HttpClient";

	static final String BLOCKING_JDK = "blocking client, JDK HttpClient";

	static final String REACTIVE_NETTY_HEADERS = "reactive client, headers into Netty's (prototype)";

	static final String REACTIVE_OWN_CONNECTOR = "reactive client, own Reactor Netty connector (prototype)";

	/** One way of calling: reactive ({@code call}) or blocking ({@code blockingCall}). */
	private record Caller(String name, Supplier<Mono<?>> call, Runnable blockingCall) {

		long run(int concurrency, Duration time, Latencies latencies) {
			return (this.call != null) ? reactive(this.call, concurrency, time, latencies)
					: blocking(this.blockingCall, concurrency, time, latencies);
		}

	}

	record Settings(int[] concurrencies, int rounds, Duration roundTime, Duration warmup) {
	}

	record Result(int concurrency, String client, long calls, long errors, double callsPerSecond, double p50Millis,
			double p99Millis, double cpuMicrosPerCall, String firstError) {
	}

	List<Result> run() {
		List<Result> results = new ArrayList<>();
		try (FixedUserServer server = FixedUserServer.start()) {
			List<Caller> callers = callers(server);
			long warmupEnd = System.nanoTime() + this.settings.warmup().toNanos();
			while (System.nanoTime() < warmupEnd) {
				for (Caller caller : callers) {
					caller.run(8, Duration.ofMillis(200), new Latencies(1));
				}
			}
			for (int concurrency : this.settings.concurrencies()) {
				Latencies[] latencies = new Latencies[callers.size()];
				long[] nanos = new long[callers.size()];
				long[] cpuNanos = new long[callers.size()];
				for (int i = 0; i < callers.size(); i++) {
					latencies[i] = new Latencies(2_000_000);
				}
				for (int round = 0; round < this.settings.rounds(); round++) {
					for (int i = 0; i < callers.size(); i++) {
						long cpuBefore = processCpuNanos();
						nanos[i] += callers.get(i).run(concurrency, this.settings.roundTime(), latencies[i]);
						cpuNanos[i] += processCpuNanos() - cpuBefore;
					}
				}
				for (int i = 0; i < callers.size(); i++) {
					results.add(result(concurrency, callers.get(i).name(), latencies[i], nanos[i], cpuNanos[i]));
				}
			}
		}
		return results;
	}

	/**
	 * Every client this benchmark compares, calling {@code server}: the references (raw,
	 * fair limit, bare {@code WebClient}), then our reactive and blocking clients on each
	 * {@linkplain Connectors connector}.
	 */
	private static List<Caller> callers(FixedUserServer server) {
		// The practical limit: the same request (same headers) on Reactor Netty, body
		// read as bytes.
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
		// Where the rest goes: Spring's WebClient alone, decoding the same User, none
		// of our code.
		WebClient webClient = WebClient.builder()
			.baseUrl(server.endpoint())
			.defaultHeader(FixedUserServer.TOKEN_HEADER, server.token())
			.defaultHeader("Accept", "application/json")
			.build();
		Supplier<Mono<?>> webClientCall = () -> webClient.get().uri(PATH).retrieve().bodyToMono(User.class);
		// The fair limit: the raw call, plus decoding
		// the same User as our client's mapper does.
		JsonMapper mapper = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		Supplier<Mono<?>> fairCall = () -> rawCall.get().map((bytes) -> mapper.readValue((byte[]) bytes, User.class));
		// The floor of the JDK connector: the JDK's client alone, blocking, plus Jackson.
		java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
		HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(server.endpoint() + PATH))
			.header(FixedUserServer.TOKEN_HEADER, server.token())
			.header("Accept", "application/json")
			.build();
		Runnable rawJdkCall = () -> {
			try {
				mapper.readValue(jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).body(), User.class);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
		URL url;
		try {
			url = URI.create(server.endpoint() + PATH).toURL();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runnable rawUrlConnectionCall = () -> {
			try {
				HttpURLConnection connection = (HttpURLConnection) url.openConnection();
				connection.setRequestProperty(FixedUserServer.TOKEN_HEADER, server.token());
				connection.setRequestProperty("Accept", "application/json");
				if (connection.getResponseCode() != 200) {
					throw new IllegalStateException("HTTP " + connection.getResponseCode());
				}
				try (InputStream body = connection.getInputStream()) {
					mapper.readValue(body.readAllBytes(), User.class);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
		// The bare WebClient runs just before our Reactor Netty clients, and the raw JDK
		// client last: the row after its 128 threads pays for them.
		List<Caller> callers = new ArrayList<>(List.of(new Caller(RAW, rawCall, null), new Caller(FAIR, fairCall, null),
				new Caller(WEB_CLIENT, webClientCall, null)));
		for (Connectors.Connector connector : Connectors.available()) {
			BentoCloudClient client = client(server, connector.factory());
			callers.add(new Caller(connector.name(REACTIVE), client::currentUser, null));
			callers.add(new Caller(connector.name(BLOCKING), null, () -> client.blocking().currentUser()));
			if (connector.suffix().contains("HttpURLConnection")) {
				callers
					.add(new Caller(connector.name("blocking client, caller's thread"), null, () -> client.currentUser()
						.contextWrite(
								(context) -> context.put(UrlConnectionConnector.CALLER_THREAD, Thread.currentThread()))
						.block()));
			}
			if (connector.suffix().isEmpty() && Boolean.getBoolean("benchmarks.prototypes")) {
				// Issue #23's prototypes: cheaper exchanges under the same WebClient.
				BentoCloudConnectorFactory nettyHeaders = (connectTimeout, readTimeout) -> new NettyHeadersConnector(
						connector.factory().create(connectTimeout, readTimeout));
				callers.add(new Caller(REACTIVE_NETTY_HEADERS, client(server, nettyHeaders)::currentUser, null));
				callers.add(new Caller(REACTIVE_OWN_CONNECTOR,
						client(server, DirectReactorNettyConnector.factory())::currentUser, null));
			}
		}
		callers.add(new Caller(RAW_URL_CONNECTION, null, rawUrlConnectionCall));
		callers.add(new Caller(RAW_JDK, null, rawJdkCall));
		return callers;
	}

	private static BentoCloudClient client(FixedUserServer server, BentoCloudConnectorFactory connectorFactory) {
		return BentoCloudClient.builder()
			.endpoint(server.endpoint())
			.apiToken(server.token())
			.connectorFactory(connectorFactory)
			.build();
	}

	/**
	 * Runs one client alone at one concurrency, closed loop, for {@code warmup} then
	 * {@code time}, and calls {@code measured} around the measured part (for a profiler).
	 * @return calls per second in the measured part
	 */
	static double runAlone(String client, int concurrency, Duration warmup, Duration time, Runnable start,
			Runnable stop) {
		try (FixedUserServer server = FixedUserServer.start()) {
			Caller caller = callers(server).stream()
				.filter((candidate) -> candidate.name().equals(client))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No client named '" + client + "'"));
			caller.run(concurrency, warmup, new Latencies(1));
			Latencies latencies = new Latencies(2_000_000);
			start.run();
			long nanos = caller.run(concurrency, time, latencies);
			stop.run();
			return latencies.calls() / (nanos / 1e9);
		}
	}

	static Result result(int concurrency, String name, Latencies latencies, long nanos, long cpuNanos) {
		long[] sorted = latencies.sorted();
		double cpuMicrosPerCall = (latencies.calls() > 0) ? cpuNanos / 1e3 / latencies.calls() : Double.NaN;
		return new Result(concurrency, name, latencies.calls(), latencies.errors(), latencies.calls() / (nanos / 1e9),
				Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99), cpuMicrosPerCall,
				latencies.firstError());
	}

	/**
	 * CPU time of the whole process (all threads), in nanoseconds; -1 where the JVM does
	 * not say.
	 */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/**
	 * {@code concurrency} closed-loop callers of {@code call} for {@code time}; returns
	 * the elapsed nanos.
	 */
	static long reactive(Supplier<Mono<?>> call, int concurrency, Duration time, Latencies latencies) {
		long start = System.nanoTime();
		long deadline = start + time.toNanos();
		Flux.range(0, concurrency).flatMap((caller) -> Mono.defer(() -> {
			long t0 = System.nanoTime();
			return call.get().doOnSuccess((value) -> latencies.record(System.nanoTime() - t0)).onErrorResume((ex) -> {
				latencies.error(ex);
				return Mono.empty();
			});
		}).repeat(() -> System.nanoTime() < deadline).then(), concurrency).blockLast(time.plusSeconds(60));
		return System.nanoTime() - start;
	}

	/**
	 * {@code concurrency} threads calling {@code call} in a loop for {@code time};
	 * returns the elapsed nanos.
	 */
	static long blocking(Runnable call, int concurrency, Duration time, Latencies latencies) {
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
