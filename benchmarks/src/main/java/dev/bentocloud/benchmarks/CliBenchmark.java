package dev.bentocloud.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.emulator.BentoCloudEmulator;

/**
 * Benchmark 5: wall time of each sample CLI command, each a child JVM, against the
 * bare-JVM floor ({@link BareJvmCall}: {@code java} with only the JDK making the same
 * first HTTP call). All runs go to one seeded {@link BentoCloudEmulator} in this process
 * (the CLI finds it through {@code --sample.emulator.port}, as it finds the web app's).
 * Rows are launched round-robin, N rounds: every row sees the same load; medians and the
 * ratio to the floor's median are reported.
 * <p>
 * Launch variants of the same jar: {@code java -jar} on the Boot jar; on the extracted
 * jar ({@code java -Djarmode=tools -jar sample-app.jar extract}); and extracted with a
 * Class Data Sharing archive recorded by one training run
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}). One row runs
 * {@code whoami} on the Spring path (any Spring property the lean path does not read,
 * here {@code --logging.console.enabled=false}, which is the CLI's default anyway) for
 * comparison. "C1" is {@code -XX:TieredStopAtLevel=1}: no C2 compiler threads competing
 * for the cores of a run that lasts about a second; the floor is also shown with it.
 */
final class CliBenchmark {

	/** The sample's demo token, which the seeded emulator accepts. */
	private static final String TOKEN = "emu_sample-app-demo-token";

	/** The rows of the launcher the sample's build leaves, which the goal is about. */
	static final String AS_SHIPPED = "as shipped (sample-app/target/cli/sample-cli): ";

	private final Path sampleJar;

	private final Path launcher;

	private final Path work;

	private final int rounds;

	CliBenchmark(Path target, int rounds) {
		this.sampleJar = target.toAbsolutePath().resolveSibling("../sample-app/target/sample-app.jar").normalize();
		this.launcher = this.sampleJar.resolveSibling("cli/sample-cli");
		this.work = target.toAbsolutePath().resolve("cli-benchmark");
		this.rounds = rounds;
	}

	/**
	 * One row.
	 *
	 * @param name what ran
	 * @param medianMillis median wall time of the child JVM
	 * @param minMillis minimum
	 * @param ratio median over the floor's median
	 */
	record Result(String name, double medianMillis, double minMillis, double ratio) {
	}

	List<Result> run() throws IOException, InterruptedException {
		if (!Files.isRegularFile(this.sampleJar)) {
			throw new IllegalStateException(this.sampleJar
					+ " is missing: build with ./mvnw -B -q -pl benchmarks,sample-app -am package -DskipTests");
		}
		Path extracted = extract();
		try (BentoCloudEmulator emulator = BentoCloudEmulator.builder()
			.port(0)
			.seedDemoData(true)
			.demoToken(TOKEN)
			.start()) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			String port = "--sample.emulator.port=" + emulator.port();
			Path jsa = this.work.resolve("cli.jsa");
			Files.deleteIfExists(jsa);
			// The CDS training run: the archive holds the classes whoami loaded.
			exec(List.of(java, "-XX:ArchiveClassesAtExit=" + jsa, "-jar", extracted.toString(), port, "whoami"));
			Map<String, List<String>> rows = new LinkedHashMap<>();
			List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
			rows.put("floor: bare JVM, JDK HttpClient, 1 call", List.of(java, "-cp", classesOf(BareJvmCall.class),
					BareJvmCall.class.getName(), emulator.endpoint(), TOKEN));
			rows.put("floor, with -XX:TieredStopAtLevel=1", List.of(java, c1.get(0), "-cp",
					classesOf(BareJvmCall.class), BareJvmCall.class.getName(), emulator.endpoint(), TOKEN));
			rows.put("bare JVM, no call (java -version)", List.of(java, "-version"));
			List<String> boot = List.of(java, "-jar", this.sampleJar.toString(), port);
			List<String> plain = List.of(java, "-jar", extracted.toString(), port);
			List<String> cds = List.of(java, "-XX:SharedArchiveFile=" + jsa, "-jar", extracted.toString(), port);
			List<String> cdsC1 = List.of(java, "-XX:SharedArchiveFile=" + jsa, c1.get(0), "-jar", extracted.toString(),
					port);
			List<String> shipped = List.of(this.launcher.toString(), port);
			rows.put(AS_SHIPPED + "whoami", concat(shipped, "whoami"));
			rows.put("whoami, Spring path, Boot jar", concat(boot, "--logging.console.enabled=false", "whoami"));
			rows.put("whoami, lean, Boot jar", concat(boot, "whoami"));
			rows.put("whoami, lean, extracted", concat(plain, "whoami"));
			rows.put("whoami, lean, extracted + CDS", concat(cds, "whoami"));
			rows.put("whoami, lean, extracted + CDS + C1", concat(cdsC1, "whoami"));
			String tokenUid = BentoCloudClient.builder()
				.endpoint(emulator.endpoint())
				.apiToken(TOKEN)
				.build()
				.blocking()
				.apiTokens()
				.list(null)
				.get(0)
				.uid();
			rows.put("api-token list, lean, extracted + CDS + C1", concat(cdsC1, "api-token", "list"));
			rows.put("api-token get, lean, extracted + CDS + C1", concat(cdsC1, "api-token", "get", tokenUid));
			rows.put("deployment list, lean, extracted + CDS + C1", concat(cdsC1, "deployment", "list"));
			rows.put("deployment get, lean, extracted + CDS + C1", concat(cdsC1, "deployment", "get", "demo-iris"));
			rows.put("cloud list-context, lean, extracted + CDS + C1", concat(cdsC1, "cloud", "list-context"));
			rows.put(AS_SHIPPED + "deployment list", concat(shipped, "deployment", "list"));
			rows.put(AS_SHIPPED + "api-token get", concat(shipped, "api-token", "get", tokenUid));
			rows.put(AS_SHIPPED + "cloud list-context", concat(shipped, "cloud", "list-context"));
			// A file of its own, rewritten by every round.
			rows.put(AS_SHIPPED + "cloud login",
					concat(shipped, "--bentocloud.config-file=" + this.work.resolve("login/.yatai.yaml"), "cloud",
							"login", "--api-token", TOKEN, "--endpoint", emulator.endpoint()));
			Map<String, double[]> times = new LinkedHashMap<>();
			rows.keySet().forEach((name) -> times.put(name, new double[this.rounds]));
			// One unmeasured round (not in a single-round smoke test):
			// the jars and the archive in the OS page cache for every row.
			for (List<String> command : (this.rounds > 1) ? rows.values() : List.<List<String>>of()) {
				exec(command);
			}
			for (int round = 0; round < this.rounds; round++) {
				for (Map.Entry<String, List<String>> row : rows.entrySet()) {
					times.get(row.getKey())[round] = exec(row.getValue());
				}
			}
			double floor = PagingBenchmark.median(times.values().iterator().next());
			List<Result> results = new ArrayList<>();
			times.forEach((name, values) -> results.add(new Result(name, PagingBenchmark.median(values),
					Arrays.stream(values).min().orElseThrow(), PagingBenchmark.median(values) / floor)));
			return results;
		}
	}

	private Path extract() throws IOException, InterruptedException {
		Path destination = this.work.resolve("extracted");
		Path jar = destination.resolve("sample-app.jar");
		if (Files.isRegularFile(jar)
				&& Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(this.sampleJar)) >= 0) {
			return jar;
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		exec(List.of(java, "-Djarmode=tools", "-jar", this.sampleJar.toString(), "extract", "--force", "--destination",
				destination.toString()));
		return jar;
	}

	private static String classesOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> concat(List<String> head, String... tail) {
		List<String> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

	/**
	 * Runs a child JVM to completion; its wall time in ms. A failing command fails the
	 * benchmark.
	 */
	private double exec(List<String> command) throws IOException, InterruptedException {
		Files.createDirectories(this.work);
		File log = this.work.resolve("last.log").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log)
			.directory(this.work.toFile());
		// Only the command line may configure the CLI, whatever this shell has set.
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("BENTO") || name.startsWith("SPRING_") || name.startsWith("SAMPLE_"));
		// The launcher uses the build's class archive only with the JVM that recorded it.
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("BENTOML_HOME", this.work.resolve("no-bentoml-home").toString());
		// Profile `emulator`: the CLI uses the emulator on --sample.emulator.port.
		builder.environment().put("SPRING_PROFILES_ACTIVE", "emulator");
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + String.join(" ", command));
		}
		double millis = (System.nanoTime() - start) / 1e6;
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Exit " + process.exitValue() + ": " + String.join(" ", command) + "\n"
					+ Files.readString(log.toPath()));
		}
		return millis;
	}

}
