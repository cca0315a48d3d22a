package dev.bentocloud.benchmarks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the starter's startup cost goes: {@link StartupApp} in fresh child JVMs, with and
 * without the starter's jars (and without the starter but with jackson-dataformat-yaml,
 * which the starter brought before it read {@code .yatai.yaml} with snakeyaml-engine),
 * alternated, with {@code -Xlog:class+load} and {@value #PROFILE_PROPERTY}. Prints
 * medians of: uptime and CPU at ready; every {@code EnvironmentPostProcessor}'s time and
 * the classes it loaded; the instantiation time (total and self, i.e. without nested bean
 * instantiations) of every bean that only exists with the starter; the classes loaded
 * only with the starter, by package.
 * <p>
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * dev.bentocloud.benchmarks.StartupProfile [runs] [extra JVM option...]} (after
 * {@code ./mvnw -B -o -q -pl benchmarks -am package -DskipTests}); {@code runs} defaults
 * to 5 per class path. {@code -Dbenchmarks.target=DIR} (default
 * {@code benchmarks/target}); {@code -Dprofile.dir=DIR} keeps the class-load logs.
 */
public final class StartupProfile {

	static final String PROFILE_PROPERTY = "bench.profile";

	private StartupProfile() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		List<String> jvmOptions = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			jvmOptions.add(args[i]);
		}
		Path target = Path.of(System.getProperty("benchmarks.target", "benchmarks/target"));
		String keep = System.getProperty("profile.dir");
		Path dir = (keep != null) ? Files.createDirectories(Path.of(keep))
				: Files.createTempDirectory("startup-profile");
		String all = classPath(target, "classpath.txt");
		String with = StartupBenchmark.withoutYamlJar(all);
		String without = classPath(target, "classpath-without-starter.txt");
		// The app without the starter but with jackson-dataformat-yaml, which the
		// starter brought before #23: Spring registers YAML converters and codecs when
		// it is present. Its cost, which the starter no longer adds.
		String yamlJar = Arrays.stream(all.split(File.pathSeparator))
			.filter((entry) -> entry.contains("jackson-dataformat-yaml"))
			.findFirst()
			.orElseThrow();
		String yamlOnly = without + File.pathSeparator + yamlJar;
		List<StartupProfileRun> withRuns = new ArrayList<>();
		List<StartupProfileRun> withoutRuns = new ArrayList<>();
		List<StartupProfileRun> yamlRuns = new ArrayList<>();
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		try (FixedUserServer server = FixedUserServer.start()) {
			StartupProfileLauncher launcher = new StartupProfileLauncher(
					List.of("--bentocloud.endpoint=" + server.endpoint(), "--bentocloud.api-token=" + server.token()),
					jvmOptions);
			// Unmeasured: the jars into the page cache.
			launcher.launch(without, dir.resolve("warm-without.log"));
			launcher.launch(with, dir.resolve("warm-with.log"));
			for (int i = 0; i < runs; i++) {
				withoutRuns.add(launcher.launch(without, dir.resolve("without-" + i + ".log")));
				withRuns.add(launcher.launch(with, dir.resolve("with-" + i + ".log")));
				yamlRuns.add(launcher.launch(yamlOnly, dir.resolve("yaml-" + i + ".log")));
			}
		}
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.printf(
				"Startup profile: %d fresh JVM(s) per class path, alternated, -Xlog:class+load on both; "
						+ "load average %.2f at the start, %.2f at the end; logs in %s%n%n",
				runs, load, loadAfter, dir);
		StartupProfileTables.printOverall(withoutRuns, withRuns, yamlRuns);
		StartupProfileTables.printPostProcessors(withoutRuns, withRuns);
		StartupProfileTables.printBeans(withoutRuns, withRuns);
		StartupProfileTables.printSharedBeans(withoutRuns, withRuns);
		StartupProfileTables.printClasses("d. Classes loaded only with the starter, by package (median per run pair)",
				withoutRuns, withRuns);
		StartupProfileTables
			.printClasses("e. Classes loaded only with jackson-dataformat-yaml (no longer in the starter) added to "
					+ "the app without the starter", withoutRuns, yamlRuns);
		if (keep == null) {
			try (var files = Files.list(dir)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(dir);
		}
	}

	private static String classPath(Path target, String file) throws IOException {
		Path list = target.resolve(file);
		if (!Files.isRegularFile(list)) {
			throw new IllegalStateException(
					list + " is missing: build with ./mvnw -B -o -q -pl benchmarks -am package -DskipTests");
		}
		return target.resolve("classes") + File.pathSeparator + Files.readString(list).strip();
	}

}
