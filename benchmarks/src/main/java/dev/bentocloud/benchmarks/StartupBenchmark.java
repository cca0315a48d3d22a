package dev.bentocloud.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 3: time to ready of {@link StartupApp} with and without the starter, in child
 * JVMs whose class paths differ only by the starter's jars (and what they alone bring:
 * the WebClient auto-configuration and YAML), launched alternately, N each: median and
 * minimum uptime at ready (noise on a shared machine only ever adds time), median process
 * CPU time, and the time spent instantiating the starter's own beans.
 * <p>
 * The starter's endpoint points at a counting {@link FixedUserServer}: after every run
 * with the starter, up to and including its shutdown, the server must have seen no
 * request. One extra run probes the app's own health endpoint, which must reach that same
 * server (the control that shows the zero is not an accident of configuration).
 */
final class StartupBenchmark {

	private static final Pattern READY = Pattern.compile(StartupApp.READY
			+ " uptimeMs=(\\d+) cpuMs=(-?\\d+) starterBeansMs=(\\d+) bentoCloudBeans=(\\d+)(?: health=(-?\\d+))?(?: firstCallUs=(\\d+) secondCallUs=(\\d+))?(?: warmUpUs=(-?\\d+))?");

	private final Path target;

	private final int runs;

	private final boolean warmLaunches;

	StartupBenchmark(Path target, int runs, boolean warmLaunches) {
		this.target = target;
		this.runs = runs;
		this.warmLaunches = warmLaunches;
	}

	/**
	 * Medians: uptime and process CPU time at ready, and the starter's bean instantiation
	 * time.
	 */
	record Result(double withoutMillis, double withMillis, double withoutMinMillis, double withMinMillis,
			double withoutCpuMillis, double withCpuMillis, double starterBeansMillis, int runs,
			long requestsDuringStartup, long requestsFromHealthProbe, int healthStatus, FirstCalls withoutWarmUp,
			FirstCalls racingWarmUp, FirstCalls afterWarmUp, int firstCallRuns, MedianDifference addedUptime,
			MedianDifference addedCpu) {

		double addedMillis() {
			return this.withMillis - this.withoutMillis;
		}

		double addedMinMillis() {
			return this.withMinMillis - this.withoutMinMillis;
		}

		double addedCpuMillis() {
			return this.withCpuMillis - this.withoutCpuMillis;
		}

	}

	Result run() throws IOException, InterruptedException {
		String with = withoutYamlJar(classPath("classpath.txt"));
		String without = classPath("classpath-without-starter.txt");
		try (FixedUserServer server = FixedUserServer.start()) {
			List<String> args = List.of("--bentocloud.endpoint=" + server.endpoint(),
					"--bentocloud.api-token=" + server.token());
			// One unmeasured launch each, so that
			// both find the jars in the OS page cache.
			if (this.warmLaunches) {
				launch(without, args);
				launch(with, args);
			}
			long before = server.requests();
			double[] withoutTimes = new double[this.runs];
			double[] withTimes = new double[this.runs];
			double[] withoutCpu = new double[this.runs];
			double[] withCpu = new double[this.runs];
			double[] starterBeans = new double[this.runs];
			for (int i = 0; i < this.runs; i++) {
				Ready plain = launch(without, args);
				expectBeans(plain, 0, "without the starter");
				withoutTimes[i] = plain.uptimeMillis();
				withoutCpu[i] = plain.cpuMillis();
				Ready started = launch(with, args);
				expectBeans(started, 1, "with the starter");
				withTimes[i] = started.uptimeMillis();
				withCpu[i] = started.cpuMillis();
				starterBeans[i] = started.starterBeansMillis();
			}
			long duringStartup = server.requests() - before;
			long beforeProbe = server.requests();
			List<String> probe = new ArrayList<>(args);
			probe.add("--bench.probe-health=true");
			probe.add("--management.endpoint.health.show-components=always");
			Ready probed = launch(with, probe);
			long fromProbe = server.requests() - beforeProbe;
			// After the zero-request check: the first and second call after ready, in
			// fresh JVMs, alternately without the warm-up, at once (racing it), and once
			// it has ended.
			int firstCallRuns = Math.max(1, this.runs / 4);
			List<String> withoutWarmUp = new ArrayList<>(args);
			withoutWarmUp.add("--bench.first-call=true");
			withoutWarmUp.add("--bentocloud.warm-up.enabled=false");
			List<String> racing = new ArrayList<>(args);
			racing.add("--bench.first-call=true");
			List<String> after = new ArrayList<>(args);
			after.add("--bench.first-call=after-warm-up");
			List<List<String>> variants = List.of(withoutWarmUp, racing, after);
			double[][][] calls = new double[variants.size()][3][firstCallRuns];
			for (int i = 0; i < firstCallRuns; i++) {
				for (int v = 0; v < variants.size(); v++) {
					Ready called = launch(with, variants.get(v));
					calls[v][0][i] = called.firstCallMicros() / 1000.0;
					calls[v][1][i] = called.secondCallMicros() / 1000.0;
					calls[v][2][i] = called.warmUpMicros() / 1000.0;
				}
			}
			FirstCalls[] firstCalls = new FirstCalls[variants.size()];
			for (int v = 0; v < variants.size(); v++) {
				firstCalls[v] = new FirstCalls(PagingBenchmark.median(calls[v][0]), PagingBenchmark.median(calls[v][1]),
						PagingBenchmark.median(calls[v][2]));
			}
			return new Result(PagingBenchmark.median(withoutTimes), PagingBenchmark.median(withTimes),
					Arrays.stream(withoutTimes).min().orElseThrow(), Arrays.stream(withTimes).min().orElseThrow(),
					PagingBenchmark.median(withoutCpu), PagingBenchmark.median(withCpu),
					PagingBenchmark.median(starterBeans), this.runs, duringStartup, fromProbe, probed.healthStatus(),
					firstCalls[0], firstCalls[1], firstCalls[2], firstCallRuns,
					MedianDifference.of(withoutTimes, withTimes), MedianDifference.of(withoutCpu, withCpu));
		}
	}

	private static void expectBeans(Ready ready, int beans, String what) {
		if (ready.bentoCloudBeans() != beans) {
			throw new IllegalStateException(
					"Expected " + beans + " BentoCloudClient bean(s) " + what + ", found " + ready.bentoCloudBeans());
		}
	}

	/**
	 * Medians of the first and second call after ready, and of the time from ready to the
	 * end of the warm-up (when waited for).
	 */
	record FirstCalls(double firstMillis, double secondMillis, double warmUpMillis) {
	}

	private record Ready(long uptimeMillis, long cpuMillis, long starterBeansMillis, int bentoCloudBeans,
			int healthStatus, long firstCallMicros, long secondCallMicros, long warmUpMicros) {
	}

	/**
	 * A class path without jackson-dataformat-yaml: this module has it for the emulator
	 * only; the starter does not bring it (it would add Spring's YAML converters).
	 */
	static String withoutYamlJar(String classPath) {
		return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.contains("jackson-dataformat-yaml"))
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	private String classPath(String file) throws IOException {
		Path list = this.target.resolve(file);
		if (!Files.isRegularFile(list)) {
			throw new IllegalStateException(
					list + " is missing: build with ./mvnw -B -q -pl benchmarks -am package -DskipTests");
		}
		return this.target.resolve("classes") + java.io.File.pathSeparator + Files.readString(list).strip();
	}

	private Ready launch(String classPath, List<String> appArgs) throws IOException, InterruptedException {
		Process process = StartupApp.processBuilder(classPath, List.of(), appArgs).start();
		StringBuilder output = new StringBuilder();
		Ready ready = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
				Matcher matcher = READY.matcher(line);
				if (matcher.find()) {
					ready = new Ready(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
							Long.parseLong(matcher.group(3)), Integer.parseInt(matcher.group(4)),
							(matcher.group(5) != null) ? Integer.parseInt(matcher.group(5)) : 0,
							(matcher.group(6) != null) ? Long.parseLong(matcher.group(6)) : -1,
							(matcher.group(7) != null) ? Long.parseLong(matcher.group(7)) : -1,
							(matcher.group(8) != null) ? Long.parseLong(matcher.group(8)) : -1);
				}
			}
		}
		finally {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (ready == null || process.exitValue() != 0) {
			throw new IllegalStateException(
					"The startup app did not get ready (exit " + process.exitValue() + "):\n" + output);
		}
		return ready;
	}

}
