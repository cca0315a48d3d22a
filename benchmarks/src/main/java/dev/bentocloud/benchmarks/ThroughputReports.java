package dev.bentocloud.benchmarks;

import java.util.List;

/**
 * The tables of the two call benchmarks against a fixed-response loopback server
 * ({@code currentUser()} and a deployed service's calls), as ratios to the fair limit,
 * and whether their goals are met or missed.
 */
final class ThroughputReports {

	private ThroughputReports() {
	}

	static String throughput(List<ThroughputBenchmark.Result> results, ThroughputBenchmark.Settings settings) {
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

	static String service(ServiceCallBenchmark.Results results, ThroughputBenchmark.Settings settings) {
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

	private static ThroughputBenchmark.Result find(List<ThroughputBenchmark.Result> results, int concurrency,
			String client) {
		return results.stream()
			.filter((result) -> result.concurrency() == concurrency && result.client().equals(client))
			.findFirst()
			.orElseThrow();
	}

}
