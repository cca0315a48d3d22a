package dev.bentocloud.benchmarks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables of the paging, startup, health, CLI and soak benchmarks, each with whether
 * its target is met or missed.
 */
final class BenchmarkReports {

	private BenchmarkReports() {
	}

	static String paging(List<PagingBenchmark.Result> results) {
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

	static String startup(StartupBenchmark.Result result) {
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
		// Decided on the interval: the medians of the two class paths move by more than
		// the goal between runs on a shared machine.
		MedianDifference uptime = result.addedUptime();
		MedianDifference cpu = result.addedCpu();
		return table.render() + "  added by the starter, difference of the medians with a 95% interval (launch pairs "
				+ "resampled): uptime " + uptime.describe() + "; CPU " + cpu.describe()
				+ "\n  goal startup <= +60 ms (median uptime): " + uptime.verdict(60) + " ("
				+ Table.fixed(uptime.median() / 60, 2) + "x the goal); <= +60 ms CPU: " + cpu.verdict(60) + " ("
				+ Table.fixed(cpu.median() / 60, 2)
				+ "x); not decided = under 5 pairs, or the 95% interval contains +60 ms (-Dbenchmarks.startup.runs=N "
				+ "narrows it); " + "zero calls at startup: "
				+ ((result.requestsDuringStartup() == 0) ? "met" : "MISSED")
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

	static String health(HealthAmplificationBenchmark.Result result) {
		Table table = new Table(
				"4. Health amplification: waves of 1000 concurrent GET /actuator/health (cache TTL "
						+ result.cacheTtl().toMillis() + " ms)",
				"probes", "bentocloud UP", "seconds", "TTL windows", "GET /auth/current", "GET /current_org", "target");
		table.row(result.probes(), result.ok(), Table.fixed(result.seconds(), 1), result.ttlWindows(),
				result.userCalls(), result.orgCalls(), (result.userCalls() <= result.ttlWindows()) ? "met" : "missed");
		return table.render() + "  target: at most 1 current-user call per TTL window\n";
	}

	static String cli(List<CliBenchmark.Result> results, int rounds) {
		Table table = new Table(
				"5. Sample CLI commands, one child JVM each, against the bare-JVM floor (" + rounds
						+ " interleaved round(s); goal <= 2.00x floor)",
				"command", "median ms", "min ms", "x floor", "goal");
		for (CliBenchmark.Result result : results) {
			boolean command = !result.name().startsWith("floor") && !result.name().startsWith("bare");
			table.row(result.name(), Table.fixed(result.medianMillis(), 0), Table.fixed(result.minMillis(), 0),
					Table.fixed(result.ratio(), 2), command ? ((result.ratio() <= 2.0) ? "met" : "missed") : "");
		}
		List<CliBenchmark.Result> shipped = results.stream()
			.filter((result) -> result.name().startsWith(CliBenchmark.AS_SHIPPED))
			.toList();
		long met = shipped.stream().filter((result) -> result.ratio() <= 2.0).count();
		String ratios = shipped.stream()
			.map((result) -> result.name().substring(CliBenchmark.AS_SHIPPED.length()) + " "
					+ Table.fixed(result.ratio(), 2) + "x")
			.collect(Collectors.joining(", "));
		return table.render() + "  goal CLI as shipped <= 2.00x floor: "
				+ ((met == shipped.size() && met > 0) ? "met" : "missed") + " for " + met + " of " + shipped.size()
				+ " command(s) (" + ratios + ")\n";
	}

	static String soak(SoakBenchmark.Result result) {
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

}
