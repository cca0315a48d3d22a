package dev.bentocloud.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.bentocloud.emulator.BentoCloudEmulator;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark 4: waves of {@code probes} concurrent {@code GET /actuator/health} against
 * {@link StartupApp} with the starter, in process, pointed at the emulator; counts the
 * upstream calls the emulator saw. The cache TTL is set short so that a run spans several
 * TTLs.
 */
final class HealthAmplificationBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int probes;

	private final int waves;

	private final Duration waveInterval;

	private final Duration cacheTtl;

	HealthAmplificationBenchmark(int probes, int waves, Duration waveInterval, Duration cacheTtl) {
		this.probes = probes;
		this.waves = waves;
		this.waveInterval = waveInterval;
		this.cacheTtl = cacheTtl;
	}

	record Result(long probes, long ok, double seconds, Duration cacheTtl, long userCalls, long orgCalls,
			long ttlWindows) {
	}

	Result run() throws InterruptedException {
		ConnectionProvider connections = ConnectionProvider.builder("health-probes")
			.maxConnections(this.probes)
			.pendingAcquireMaxCount(-1)
			.build();
		try (BentoCloudEmulator emulator = BentoCloudEmulator.start();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(StartupApp.class)
					.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn",
							"management.endpoint.health.show-details=always",
							"bentocloud.health.cache-ttl=" + this.cacheTtl.toMillis() + "ms")
					.run("--bentocloud.endpoint=" + emulator.endpoint(),
							"--bentocloud.api-token=" + emulator.apiToken())) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient client = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port);
			emulator.clearRequests();
			AtomicLong ok = new AtomicLong();
			long start = System.nanoTime();
			for (int wave = 0; wave < this.waves; wave++) {
				long waveStart = System.nanoTime();
				Flux.range(0, this.probes)
					.flatMap((i) -> client.get()
						.uri("/actuator/health")
						.responseSingle((response, body) -> body.asString()
							.defaultIfEmpty("")
							.map((text) -> response.status().code() == 200 && bentoCloudUp(text)))
						.onErrorReturn(false), this.probes)
					.filter(Boolean::booleanValue)
					.doOnNext((up) -> ok.incrementAndGet())
					.blockLast(Duration.ofSeconds(60));
				long sleep = this.waveInterval.toMillis() - (System.nanoTime() - waveStart) / 1_000_000;
				if (wave < this.waves - 1 && sleep > 0) {
					Thread.sleep(sleep);
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long windows = (long) Math.ceil(seconds * 1000 / this.cacheTtl.toMillis());
			return new Result((long) this.probes * this.waves, ok.get(), seconds, this.cacheTtl,
					emulator.requestCount("GET", "/api/v1/auth/current"),
					emulator.requestCount("GET", "/api/v1/current_org"), windows);
		}
		finally {
			connections.disposeLater().block(Duration.ofSeconds(5));
		}
	}

	private static boolean bentoCloudUp(String health) {
		return "UP".equals(JSON.readTree(health).path("components").path("bentocloud").path("status").asString());
	}

}
