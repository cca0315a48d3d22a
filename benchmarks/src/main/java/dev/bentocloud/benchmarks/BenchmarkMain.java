package dev.bentocloud.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the benchmarks and prints their tables (Markdown). {@code --quick} runs each
 * briefly (a smoke test, well under a minute); {@code --only a,b} picks benchmarks by
 * name: {@code throughput, paging, startup, health, cli, service, soak}. Nothing here
 * asserts a timing: a missed target is printed as such, and only a crash (or a broken
 * invariant such as a wrong token count) fails.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		boolean quick = options.quick();
		Path target = options.target();
		System.out.println(MachineInfo.describe(quick));
		if (options.runs("throughput")) {
			ThroughputBenchmark.Settings settings = callSettings(quick);
			print(ThroughputReports.throughput(new ThroughputBenchmark(settings).run(), settings));
		}
		if (options.runs("paging")) {
			print(BenchmarkReports.paging(new PagingBenchmark(quick ? 1 : 5, quick ? 2_000 : 100).run()));
		}
		if (options.runs("startup")) {
			print(BenchmarkReports.startup(
					new StartupBenchmark(target, quick ? 1 : Integer.getInteger("benchmarks.startup.runs", 20), !quick)
						.run()));
		}
		if (options.runs("health")) {
			HealthAmplificationBenchmark health = quick
					? new HealthAmplificationBenchmark(1_000, 2, Duration.ofMillis(1_200), Duration.ofSeconds(1))
					: new HealthAmplificationBenchmark(1_000, 13, Duration.ofMillis(500), Duration.ofSeconds(2));
			print(BenchmarkReports.health(health.run()));
		}
		if (options.runs("cli")) {
			print(BenchmarkReports.cli(new CliBenchmark(target, quick ? 1 : 5).run(), quick ? 1 : 5));
		}
		if (options.runs("service")) {
			ThroughputBenchmark.Settings settings = callSettings(quick);
			print(ThroughputReports.service(new ServiceCallBenchmark(settings).run(), settings));
		}
		if (options.runs("soak")) {
			print(BenchmarkReports.soak(new SoakBenchmark(quick ? 4_000 : 100_000, 32).run()));
		}
		System.out.println("Load average at the end: " + MachineInfo.loadAverage());
		// Reactor Netty's and the in-process app's
		// non-daemon threads must not keep the JVM up.
		System.exit(0);
	}

	/** The throughput and service benchmarks share concurrencies and round times. */
	private static ThroughputBenchmark.Settings callSettings(boolean quick) {
		return quick
				? new ThroughputBenchmark.Settings(new int[] { 1, 8, 32, 128 }, 1, Duration.ofMillis(250),
						Duration.ofSeconds(1))
				: new ThroughputBenchmark.Settings(new int[] { 1, 8, 32, 128 }, 3, Duration.ofMillis(1_500),
						Duration.ofSeconds(10));
	}

	private static void print(String section) {
		System.out.println(section);
		System.out.flush();
	}

}
