package dev.bentocloud.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the four benchmarks and prints their tables (Markdown). {@code --quick} runs each
 * briefly (a smoke test, well under a minute); {@code --only a,b} picks benchmarks by
 * name: {@code throughput, paging, startup, health}. Nothing here asserts a timing: a
 * missed target is printed as such, and only a crash (or a broken invariant such as a
 * wrong token count) fails.
 */
public final class BenchmarkMain {

	private static final List<String> ALL = List.of("throughput", "paging", "startup", "health", "cli", "service",
			"soak");

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		boolean quick = false;
		Set<String> only = new HashSet<>(ALL);
		Path target = Path.of(System.getProperty("benchmarks.target", "benchmarks/target"));
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> quick = true;
				case "--only" -> only = new HashSet<>(Arrays.asList(args[++i].split(",")));
				default -> throw new IllegalArgumentException(
						"Unknown argument " + args[i] + "; use [--quick] [--only " + String.join(",", ALL) + "]");
			}
		}
		System.out.println(machine(quick));
		if (only.contains("throughput")) {
			ThroughputBenchmark.Settings settings = quick
					? new ThroughputBenchmark.Settings(new int[] { 1, 8, 32, 128 }, 1, Duration.ofMillis(250),
							Duration.ofSeconds(1))
					: new ThroughputBenchmark.Settings(new int[] { 1, 8, 32, 128 }, 3, Duration.ofMillis(1_500),
							Duration.ofSeconds(10));
			print(throughput(new ThroughputBenchmark(settings).run(), settings));
		}
		if (only.contains("paging")) {
			print(paging(new PagingBenchmark(quick ? 1 : 5, quick ? 2_000 : 100).run()));
		}
		if (only.contains("startup")) {
			print(startup(new StartupBenchmark(target, quick ? 1 : 20, !quick).run()));
		}
		if (only.contains("health")) {
			HealthAmplificationBenchmark health = quick
					? new HealthAmplificationBenchmark(1_000, 2, Duration.ofMillis(1_200), Duration.ofSeconds(1))
					: new HealthAmplificationBenchmark(1_000, 13, Duration.ofMillis(500), Duration.ofSeconds(2));
			print(health(health.run()));
		}
		if (only.contains("cli")) {
			print(cli(new CliBenchmark(target, quick ? 1 : 5).run(), quick ? 1 : 5));
		}
		if (only.contains("service")) {
			ThroughputBenchmark.Settings settings = quick
					? new ThroughputBenchmark.Settings(new int[] { 1, 8, 32, 128 }, 1, Duration.ofMillis(250),
							Duration.ofSeconds(1))
					: new ThroughputBenchmark.Settings(new int[] { 1, 8, 32, 128 }, 3, Duration.ofMillis(1_500),
							Duration.ofSeconds(10));
			print(service(new ServiceCallBenchmark(settings).run(), settings));
		}
		if (only.contains("soak")) {
			print(soak(new SoakBenchmark(quick ? 4_000 : 100_000, 32).run()));
		}
		System.out.println("Load average at the end: " + loadAverage());
		// Reactor Netty's and the in-process app's
		// non-daemon threads must not keep the JVM up.
		System.exit(0);
	}

	private static String throughput(List<ThroughputBenchmark.Result> results, ThroughputBenchmark.Settings settings) {
		Table table = new Table("1. currentUser() against a fixed-response loopback server: calls/s, latency, process "
				+ "CPU per call, ratios (" + settings.rounds() + " interleaved round(s) of "
				+ settings.roundTime().toMillis() + " ms per client; target >= 0.90x the fair limit in calls/s)",
				"concurrency", "client", "calls/s", "p50 ms", "p99 ms", "CPU us/call", "x raw", "x fair", "CPU x fair",
				"x WebClient", "errors", "target");
		StringBuilder errors = new StringBuilder();
		for (ThroughputBenchmark.Result result : results) {
			double raw = find(results, result.concurrency(), ThroughputBenchmark.RAW).callsPerSecond();
			ThroughputBenchmark.Result fair = find(results, result.concurrency(), ThroughputBenchmark.FAIR);
			double webClient = find(results, result.concurrency(), ThroughputBenchmark.WEB_CLIENT).callsPerSecond();
			double ratio = result.callsPerSecond() / fair.callsPerSecond();
			boolean ours = result.client().contains("client")
					&& !result.client().equals(ThroughputBenchmark.WEB_CLIENT);
			table.row(result.concurrency(), result.client(), Table.fixed(result.callsPerSecond(), 0),
					Table.fixed(result.p50Millis(), 3), Table.fixed(result.p99Millis(), 3),
					Table.fixed(result.cpuMicrosPerCall(), 0), Table.fixed(result.callsPerSecond() / raw, 2),
					Table.fixed(ratio, 2), Table.fixed(result.cpuMicrosPerCall() / fair.cpuMicrosPerCall(), 2),
					ours ? Table.fixed(result.callsPerSecond() / webClient, 2) : "", result.errors(),
					!ours ? "" : (ratio >= 0.9) ? "met" : "missed");
			if (result.firstError() != null) {
				errors.append("  first error (")
					.append(result.client())
					.append(", concurrency ")
					.append(result.concurrency())
					.append("): ")
					.append(result.firstError())
					.append('\n');
			}
		}
		return table.render() + errors + throughputGoals(results);
	}

	/**
	 * The MVC default (our blocking client on the JDK's {@code HttpClient}, which an MVC
	 * application gets when it has no other HTTP client) at most 2x the fair CPU per
	 * call; our reactive client on Reactor Netty at least as fast as a bare
	 * {@code WebClient}.
	 */
	private static String throughputGoals(List<ThroughputBenchmark.Result> results) {
		StringBuilder cpu = new StringBuilder();
		StringBuilder speed = new StringBuilder();
		double worstCpu = 0;
		double worstSpeed = Double.MAX_VALUE;
		String mvcDefault = ThroughputBenchmark.BLOCKING + ", " + Connectors.JDK;
		for (ThroughputBenchmark.Result result : results) {
			ThroughputBenchmark.Result fair = find(results, result.concurrency(), ThroughputBenchmark.FAIR);
			ThroughputBenchmark.Result webClient = find(results, result.concurrency(), ThroughputBenchmark.WEB_CLIENT);
			if (result.client().equals(mvcDefault)) {
				double ratio = result.cpuMicrosPerCall() / fair.cpuMicrosPerCall();
				worstCpu = Math.max(worstCpu, ratio);
				cpu.append((cpu.length() > 0) ? ", " : "").append(Table.fixed(ratio, 2));
			}
			if (result.client().equals(ThroughputBenchmark.REACTIVE)) {
				double ratio = result.callsPerSecond() / webClient.callsPerSecond();
				worstSpeed = Math.min(worstSpeed, ratio);
				speed.append((speed.length() > 0) ? ", " : "").append(Table.fixed(ratio, 2));
			}
		}
		String processors = Runtime.getRuntime().availableProcessors() + " CPUs";
		String goals = "";
		if (cpu.length() > 0) {
			goals += "  goal MVC default (" + mvcDefault + ") CPU per call <= 2.00x fair, " + processors + ": "
					+ ((worstCpu <= 2.0) ? "met" : "missed") + " (x fair by concurrency: " + cpu + ")\n";
		}
		if (speed.length() > 0) {
			goals += "  goal " + ThroughputBenchmark.REACTIVE + " (Reactor Netty) calls/s >= 1.00x bare WebClient: "
					+ ((worstSpeed >= 1.0) ? "met" : "missed") + " (x WebClient by concurrency: " + speed + ")\n";
		}
		return goals;
	}

	private static String service(ServiceCallBenchmark.Results results, ThroughputBenchmark.Settings settings) {
		Table table = new Table("6. Calls to a deployed service, " + FixedServiceServer.answerBytes()
				+ " bytes of JSON out and about 1 KB in, fixed-response loopback server: calls/s, latency, process CPU "
				+ "per call, ratios to the fair limit (" + settings.rounds() + " interleaved round(s) of "
				+ settings.roundTime().toMillis() + " ms per client)", "concurrency", "client", "calls/s", "p50 ms",
				"p99 ms", "CPU us/call", "x fair", "CPU x fair", "errors");
		StringBuilder errors = new StringBuilder();
		for (ThroughputBenchmark.Result result : results.calls()) {
			ThroughputBenchmark.Result fair = find(results.calls(), result.concurrency(), ServiceCallBenchmark.FAIR);
			table.row(result.concurrency(), result.client(), Table.fixed(result.callsPerSecond(), 0),
					Table.fixed(result.p50Millis(), 3), Table.fixed(result.p99Millis(), 3),
					Table.fixed(result.cpuMicrosPerCall(), 0),
					Table.fixed(result.callsPerSecond() / fair.callsPerSecond(), 2),
					Table.fixed(result.cpuMicrosPerCall() / fair.cpuMicrosPerCall(), 2), result.errors());
			if (result.firstError() != null) {
				errors.append("  first error (")
					.append(result.client())
					.append("): ")
					.append(result.firstError())
					.append('\n');
			}
		}
		Table streams = new Table("  a stream of " + FixedServiceServer.CHUNKS
				+ " chunks, each flushed on its own: time to the first element, elements (as they arrived) per second",
				"client", "first element ms", "total ms", "elements", "elements/s", "bytes");
		for (ServiceCallBenchmark.StreamResult stream : results.streams()) {
			streams.row(stream.client(), Table.fixed(stream.firstElementMillis(), 2),
					Table.fixed(stream.totalMillis(), 1), stream.elements(), Table.fixed(stream.elementsPerSecond(), 0),
					stream.bytes());
		}
		return table.render() + errors + "\n" + streams.render();
	}

	private static String soak(SoakBenchmark.Result result) {
		Table table = new Table("7. Soak: " + result.calls()
				+ " calls (half currentUser(), half a service's classify) at " + "concurrency " + result.concurrency()
				+ " against the emulator, " + result.injected() + " faults in " + result.requests() + " requests ("
				+ Table.fixed(100.0 * result.injected() / result.requests(), 1)
				+ "%: resets, 503, dripping and truncated bodies)", "outcome", "calls");
		result.outcomes().forEach(table::row);
		long total = result.outcomes().values().stream().mapToLong(Long::longValue).sum();
		return table.render() + "  " + total + " of " + result.calls() + " calls ended in "
				+ Table.fixed(result.seconds(), 1) + " s; slowest " + Table.fixed(result.slowestMillis(), 0)
				+ " ms (deadline " + result.deadlineMillis() + " ms per call, retries included); connections open "
				+ "once idle: " + result.openConnections() + "; heap after GC " + result.heapBeforeMb()
				+ " MiB before, " + result.heapAfterMb() + " MiB after; target every call ended by its deadline: "
				+ ((total == result.calls() && result.slowestMillis() <= result.deadlineMillis() + 500) ? "met"
						: "MISSED")
				+ "\n";
	}

	private static ThroughputBenchmark.Result find(List<ThroughputBenchmark.Result> results, int concurrency,
			String client) {
		return results.stream()
			.filter((result) -> result.concurrency() == concurrency && result.client().equals(client))
			.findFirst()
			.orElseThrow();
	}

	private static String paging(List<PagingBenchmark.Result> results) {
		Table table = new Table("2. Listing " + PagingBenchmark.TOKENS
				+ " API tokens through paging (emulator, 100 per page): median time, peak live heap above baseline",
				"mode", "tokens", "median ms", "peak live heap MB");
		for (PagingBenchmark.Result result : results) {
			table.row(result.mode(), result.tokens(), Table.fixed(result.medianMillis(), 0),
					Table.fixed(result.peakLiveHeapMb(), 2));
		}
		double streamed = results.get(0).peakLiveHeapMb();
		double collected = results.get(1).peakLiveHeapMb();
		return table.render() + "  target bounded memory when streamed: "
				+ ((streamed < collected / 4) ? "met" : "missed") + " (streamed peak "
				+ Table.fixed(streamed / collected * 100, 0) + "% of collected)\n";
	}

	private static String startup(StartupBenchmark.Result result) {
		Table table = new Table(
				"3. Startup of a WebFlux + actuator app, child JVMs, class paths differing only by the starter (median of "
						+ result.runs() + ", alternated)",
				"class path", "uptime at ready, median ms", "min ms", "CPU time at ready, median ms",
				"starter's beans, ms", "BentoCloud requests");
		table.row("without the starter", Table.fixed(result.withoutMillis(), 0),
				Table.fixed(result.withoutMinMillis(), 0), Table.fixed(result.withoutCpuMillis(), 0), "-", "-");
		table.row("with the starter", Table.fixed(result.withMillis(), 0), Table.fixed(result.withMinMillis(), 0),
				Table.fixed(result.withCpuMillis(), 0), Table.fixed(result.starterBeansMillis(), 0),
				result.requestsDuringStartup());
		table.row("added by the starter", Table.fixed(result.addedMillis(), 0), Table.fixed(result.addedMinMillis(), 0),
				Table.fixed(result.addedCpuMillis(), 0), "", "");
		Table firstCalls = new Table(
				"  first and second currentUser() after ready, loopback (median of " + result.firstCallRuns()
						+ " fresh JVM(s) each, alternated; goal first <= 100 ms)",
				"first call", "first ms", "second ms", "ready to end of warm-up, ms", "x without warm-up", "goal");
		firstCallRow(firstCalls, "without the warm-up (bentocloud.warm-up.enabled=false)", result.withoutWarmUp(),
				result.withoutWarmUp(), false);
		firstCallRow(firstCalls, "at once after ready (racing the warm-up)", result.racingWarmUp(),
				result.withoutWarmUp(), false);
		firstCallRow(firstCalls, "once the warm-up thread has ended", result.afterWarmUp(), result.withoutWarmUp(),
				true);
		return table.render() + "  goal startup <= +60 ms (median uptime): "
				+ ((result.addedMillis() <= 60) ? "met" : "missed") + " (+" + Table.fixed(result.addedMillis(), 0)
				+ " ms, " + Table.fixed(result.addedMillis() / 60, 2) + "x the goal); <= +60 ms CPU: "
				+ ((result.addedCpuMillis() <= 60) ? "met" : "missed") + " (+" + Table.fixed(result.addedCpuMillis(), 0)
				+ " ms); zero calls at startup: " + ((result.requestsDuringStartup() == 0) ? "met" : "MISSED")
				+ " (control: one /actuator/health/bentocloud probe after ready made "
				+ result.requestsFromHealthProbe() + " request(s) to that server, HTTP " + result.healthStatus()
				+ ")\n\n" + firstCalls.render();
	}

	private static void firstCallRow(Table table, String name, StartupBenchmark.FirstCalls calls,
			StartupBenchmark.FirstCalls baseline, boolean warmedUp) {
		table.row(name, Table.fixed(calls.firstMillis(), 1), Table.fixed(calls.secondMillis(), 1),
				warmedUp ? Table.fixed(calls.warmUpMillis(), 0) : "",
				Table.fixed(calls.firstMillis() / baseline.firstMillis(), 2),
				(calls.firstMillis() <= 100) ? "met" : "missed");
	}

	private static String health(HealthAmplificationBenchmark.Result result) {
		Table table = new Table(
				"4. Health amplification: waves of 1000 concurrent GET /actuator/health (cache TTL "
						+ result.cacheTtl().toMillis() + " ms)",
				"probes", "bentocloud UP", "seconds", "TTL windows", "GET /auth/current", "GET /current_org", "target");
		table.row(result.probes(), result.ok(), Table.fixed(result.seconds(), 1), result.ttlWindows(),
				result.userCalls(), result.orgCalls(), (result.userCalls() <= result.ttlWindows()) ? "met" : "missed");
		return table.render() + "  target: at most 1 current-user call per TTL window\n";
	}

	private static void print(String section) {
		System.out.println(section);
		System.out.flush();
	}

	private static String cli(List<CliBenchmark.Result> results, int rounds) {
		Table table = new Table(
				"5. Sample CLI commands, one child JVM each, against the bare-JVM floor (" + rounds
						+ " interleaved round(s); goal <= 2.00x floor)",
				"command", "median ms", "min ms", "x floor", "goal");
		for (CliBenchmark.Result result : results) {
			boolean command = !result.name().startsWith("floor") && !result.name().startsWith("bare");
			table.row(result.name(), Table.fixed(result.medianMillis(), 0), Table.fixed(result.minMillis(), 0),
					Table.fixed(result.ratio(), 2), command ? ((result.ratio() <= 2.0) ? "met" : "missed") : "");
		}
		List<CliBenchmark.Result> commands = results.stream()
			.filter((result) -> !result.name().startsWith("floor") && !result.name().startsWith("bare"))
			.toList();
		long met = commands.stream().filter((result) -> result.ratio() <= 2.0).count();
		double best = commands.stream().mapToDouble(CliBenchmark.Result::ratio).min().orElse(Double.NaN);
		return table.render() + "  goal CLI <= 2.00x floor: " + ((met > 0) ? "met" : "missed") + " for " + met + " of "
				+ commands.size() + " command variant(s) (best " + Table.fixed(best, 2) + "x floor)\n";
	}

	private static String machine(boolean quick) {
		String model = "unknown";
		try {
			model = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.orElse(model);
		}
		catch (IOException ex) {
			// not Linux: the model stays unknown
		}
		return "BentoCloud benchmarks (" + (quick ? "quick" : "full") + " mode), "
				+ OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
				+ "\nMachine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), JDK "
				+ System.getProperty("java.runtime.version") + ", load average " + loadAverage() + "\n";
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

}
