package dev.bentocloud.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Benchmark 6: calls to a deployed service, 1 KB of JSON in and out, at several
 * concurrencies, for the service client (reactive and blocking, on every
 * {@linkplain Connectors connector}) against the fair limit: raw Reactor Netty posting
 * the same bytes, plus Jackson writing the same input and reading the answer into a
 * {@code Map} (what a client that takes and returns maps cannot avoid). Rounds interleave
 * the clients. Then a stream of {@value FixedServiceServer#CHUNKS} chunks: time to the
 * first element and elements per second, against raw Reactor Netty counting the same
 * bytes.
 */
final class ServiceCallBenchmark {

	static final String FAIR = "raw Reactor Netty + Jackson (fair limit)";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final ThroughputBenchmark.Settings settings;

	ServiceCallBenchmark(ThroughputBenchmark.Settings settings) {
		this.settings = settings;
	}

	record StreamResult(String client, double firstElementMillis, double totalMillis, long elements, long bytes) {

		double elementsPerSecond() {
			return this.elements / (this.totalMillis / 1000);
		}

	}

	record Results(List<ThroughputBenchmark.Result> calls, List<StreamResult> streams) {
	}

	private record Caller(String name, Supplier<Mono<?>> call, Runnable blockingCall) {
	}

	Results run() {
		try (FixedServiceServer server = FixedServiceServer.start()) {
			List<Caller> callers = callers(server);
			for (Caller caller : callers) {
				run(caller, 8, this.settings.warmup().dividedBy(callers.size()), new Latencies(1));
			}
			List<ThroughputBenchmark.Result> calls = new ArrayList<>();
			for (int concurrency : this.settings.concurrencies()) {
				Latencies[] latencies = new Latencies[callers.size()];
				long[] nanos = new long[callers.size()];
				long[] cpu = new long[callers.size()];
				for (int i = 0; i < callers.size(); i++) {
					latencies[i] = new Latencies(2_000_000);
				}
				for (int round = 0; round < this.settings.rounds(); round++) {
					for (int i = 0; i < callers.size(); i++) {
						long cpuBefore = ThroughputBenchmark.processCpuNanos();
						nanos[i] += run(callers.get(i), concurrency, this.settings.roundTime(), latencies[i]);
						cpu[i] += ThroughputBenchmark.processCpuNanos() - cpuBefore;
					}
				}
				for (int i = 0; i < callers.size(); i++) {
					calls.add(ThroughputBenchmark.result(concurrency, callers.get(i).name(), latencies[i], nanos[i],
							cpu[i]));
				}
			}
			return new Results(calls, streams(server, (this.settings.rounds() > 1) ? 5 : 1));
		}
	}

	private static long run(Caller caller, int concurrency, Duration time, Latencies latencies) {
		return (caller.call() != null) ? ThroughputBenchmark.reactive(caller.call(), concurrency, time, latencies)
				: ThroughputBenchmark.blocking(caller.blockingCall(), concurrency, time, latencies);
	}

	private static List<Caller> callers(FixedServiceServer server) {
		HttpClient raw = raw(server);
		JsonMapper mapper = JsonMapper.builder().build();
		Supplier<Mono<?>> fair = () -> raw.post()
			.uri("/classify")
			.send(ByteBufFlux.fromString(Mono.fromCallable(() -> mapper.writeValueAsString(FixedServiceServer.INPUT))))
			.responseSingle((response, body) -> body.asByteArray())
			.map((bytes) -> mapper.readValue(bytes, Map.class));
		List<Caller> callers = new ArrayList<>(List.of(new Caller(FAIR, fair, null)));
		for (Connectors.Connector connector : Connectors.available()) {
			BentoServiceClient client = client(server, connector.factory());
			callers.add(new Caller(connector.name("reactive service client"),
					() -> client.call("classify", FixedServiceServer.INPUT, JSON), null));
			callers.add(new Caller(connector.name("blocking service client"), null,
					() -> client.blocking().call("classify", FixedServiceServer.INPUT, JSON)));
		}
		return callers;
	}

	private static BentoServiceClient client(FixedServiceServer server, BentoCloudConnectorFactory connectors) {
		return BentoServiceClientFactory.builder()
			.connectorFactory(connectors)
			.defaultToken(FixedServiceServer.TOKEN)
			.build()
			.create(URI.create(server.url()));
	}

	private static HttpClient raw(FixedServiceServer server) {
		return HttpClient.create()
			.baseUrl(server.url())
			.headers((h) -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + FixedServiceServer.TOKEN)
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.ACCEPT, "*/*"));
	}

	private static List<StreamResult> streams(FixedServiceServer server, int runs) {
		List<Connectors.Connector> connectors = Connectors.available();
		List<BentoServiceClient> clients = connectors.stream()
			.map((connector) -> client(server, connector.factory()))
			.toList();
		HttpClient raw = raw(server);
		Map<String, Object> input = Map.of("prompt", "go");
		List<StreamResult> results = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			results.add(measure("raw Reactor Netty (bytes)",
					() -> raw.post()
						.uri("/generate")
						.send(ByteBufFlux.fromString(Mono.just("{\"prompt\":\"go\"}")))
						.responseContent()
						.map((buffer) -> (long) buffer.readableBytes())));
			for (int i = 0; i < connectors.size(); i++) {
				BentoServiceClient client = clients.get(i);
				results.add(measure(connectors.get(i).name("service client stream()"),
						() -> client.stream("generate", input).map((text) -> (long) text.length())));
			}
		}
		return results;
	}

	private static StreamResult measure(String name, Supplier<reactor.core.publisher.Flux<Long>> stream) {
		long start = System.nanoTime();
		long[] first = { -1 };
		long[] elements = { 0 };
		long bytes = stream.get().doOnNext((size) -> {
			if (elements[0]++ == 0) {
				first[0] = System.nanoTime();
			}
		}).reduce(0L, Long::sum).block(Duration.ofMinutes(1));
		long end = System.nanoTime();
		return new StreamResult(name, (first[0] - start) / 1e6, (end - start) / 1e6, elements[0], bytes);
	}

}
