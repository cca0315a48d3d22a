package dev.bentocloud.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.metrics.StartupStep;

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

	private static final String LINE = "PROFILE ";

	/** "$$Lambda$123/0x0000..." and other hidden classes' numbers. */
	private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern
		.compile("(?<=\\$\\$Lambda)\\$\\d+|/0x[0-9a-f]+");

	/** Longest prefix first. */
	private static final List<String[]> GROUPS = List.of(new String[] { "dev.bentocloud.", "dev.bentocloud" },
			new String[] { "tools.jackson.dataformat.yaml.", "Jackson YAML" },
			new String[] { "org.snakeyaml.", "snakeyaml-engine" }, new String[] { "tools.jackson.", "Jackson (other)" },
			new String[] { "org.springframework.web.reactive.function.client.", "Spring WebClient" },
			new String[] { "org.springframework.web.service.", "Spring HTTP interface" },
			new String[] { "org.springframework.web.reactive.", "Spring WebFlux (other)" },
			new String[] { "org.springframework.boot.webclient.", "Boot webclient" },
			new String[] { "org.springframework.boot.http.client.", "Boot HTTP client" },
			new String[] { "org.springframework.http.client.", "Spring HTTP client (connectors)" },
			new String[] { "org.springframework.http.codec.", "Spring codecs" },
			new String[] { "org.springframework.boot.", "Spring Boot (other)" },
			new String[] { "org.springframework.", "Spring (other)" },
			new String[] { "reactor.netty.", "Reactor Netty" }, new String[] { "reactor.", "Reactor core" },
			new String[] { "io.netty.", "Netty" }, new String[] { "io.micrometer.", "Micrometer" },
			new String[] { "java.", "JDK" }, new String[] { "javax.", "JDK" }, new String[] { "jdk.", "JDK" },
			new String[] { "sun.", "JDK" }, new String[] { "com.sun.", "JDK" });

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
		String yamlJar = java.util.Arrays.stream(all.split(java.io.File.pathSeparator))
			.filter((entry) -> entry.contains("jackson-dataformat-yaml"))
			.findFirst()
			.orElseThrow();
		String yamlOnly = without + java.io.File.pathSeparator + yamlJar;
		List<Run> withRuns = new ArrayList<>();
		List<Run> withoutRuns = new ArrayList<>();
		List<Run> yamlRuns = new ArrayList<>();
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		try (FixedUserServer server = FixedUserServer.start()) {
			List<String> appArgs = List.of("--bentocloud.endpoint=" + server.endpoint(),
					"--bentocloud.api-token=" + server.token());
			// Unmeasured: the jars into the page cache.
			launch(without, appArgs, jvmOptions, dir.resolve("warm-without.log"));
			launch(with, appArgs, jvmOptions, dir.resolve("warm-with.log"));
			for (int i = 0; i < runs; i++) {
				withoutRuns.add(launch(without, appArgs, jvmOptions, dir.resolve("without-" + i + ".log")));
				withRuns.add(launch(with, appArgs, jvmOptions, dir.resolve("with-" + i + ".log")));
				yamlRuns.add(launch(yamlOnly, appArgs, jvmOptions, dir.resolve("yaml-" + i + ".log")));
			}
		}
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.printf(
				"Startup profile: %d fresh JVM(s) per class path, alternated, -Xlog:class+load on both; "
						+ "load average %.2f at the start, %.2f at the end; logs in %s%n%n",
				runs, load, loadAfter, dir);
		printOverall(withoutRuns, withRuns, yamlRuns);
		printPostProcessors(withoutRuns, withRuns);
		printBeans(withoutRuns, withRuns);
		printClasses("d. Classes loaded only with the starter, by package (median per run pair)", withoutRuns,
				withRuns);
		printClasses("e. Classes loaded only with jackson-dataformat-yaml (no longer in the starter) added to "
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

	private static void printOverall(List<Run> without, List<Run> with, List<Run> yaml) {
		Table table = new Table("a. At ready (medians)", "measure", "without the starter", "with the starter", "added",
				"without the starter, with jackson-dataformat-yaml", "added by that jar");
		row(table, "uptime, ms", without, with, yaml, (run) -> run.uptimeMillis);
		row(table, "process CPU, ms", without, with, yaml, (run) -> run.cpuMillis);
		row(table, "classes loaded", without, with, yaml, (run) -> run.classCount());
		for (String step : List.of("spring.boot.application.environment-prepared",
				"spring.boot.application.context-prepared", "spring.context.refresh")) {
			row(table, step + ", ms", without, with, yaml, (run) -> run.steps.getOrDefault(step, 0.0));
		}
		row(table, "sum of all bean instantiations (self), ms", without, with, yaml,
				(run) -> run.beans.values().stream().mapToDouble((bean) -> bean[1]).sum());
		System.out.println(table.render());
	}

	private static void row(Table table, String name, List<Run> without, List<Run> with, List<Run> yaml,
			java.util.function.ToDoubleFunction<Run> measure) {
		double a = median(without.stream().mapToDouble(measure).toArray());
		double b = median(with.stream().mapToDouble(measure).toArray());
		double c = median(yaml.stream().mapToDouble(measure).toArray());
		table.row(name, Table.fixed(a, 1), Table.fixed(b, 1), Table.fixed(b - a, 1), Table.fixed(c, 1),
				Table.fixed(c - a, 1));
	}

	private static void printPostProcessors(List<Run> without, List<Run> with) {
		Table table = new Table("b. EnvironmentPostProcessors (medians; classes = classes loaded while it ran)",
				"post-processor", "without, ms", "with, ms", "without, classes", "with, classes");
		Set<String> names = new java.util.LinkedHashSet<>(with.get(0).postProcessors.keySet());
		names.addAll(without.get(0).postProcessors.keySet());
		for (String name : names) {
			table.row(name, medianOf(without, (run) -> run.postProcessors.get(name), 0, 3),
					medianOf(with, (run) -> run.postProcessors.get(name), 0, 3),
					medianOf(without, (run) -> run.postProcessors.get(name), 1, 0),
					medianOf(with, (run) -> run.postProcessors.get(name), 1, 0));
		}
		System.out.println(table.render());
		long yamlWith = with.stream()
			.filter((run) -> run.classes.keySet()
				.stream()
				.anyMatch((name) -> name.startsWith("tools.jackson.dataformat.yaml.")
						|| name.startsWith("org.snakeyaml.")))
			.count();
		System.out
			.printf("  runs with the starter that loaded any YAML class (Jackson YAML or snakeyaml-engine): %d of %d "
					+ "(no credentials file in these runs)%n%n", yamlWith, with.size());
	}

	private static String medianOf(List<Run> runs, java.util.function.Function<Run, double[]> values, int index,
			int decimals) {
		List<Double> found = new ArrayList<>();
		for (Run run : runs) {
			double[] value = values.apply(run);
			if (value != null) {
				found.add(value[index]);
			}
		}
		return found.isEmpty() ? "-"
				: Table.fixed(median(found.stream().mapToDouble(Double::doubleValue).toArray()), decimals);
	}

	private static void printBeans(List<Run> without, List<Run> with) {
		Set<String> plain = new HashSet<>();
		without.forEach((run) -> plain.addAll(run.beans.keySet()));
		Map<String, double[]> selfTotals = new HashMap<>();
		Set<String> added = new java.util.TreeSet<>();
		for (Run run : with) {
			for (String name : run.beans.keySet()) {
				if (!plain.contains(name) || name.toLowerCase(java.util.Locale.ROOT).contains("bentocloud")) {
					added.add(name);
				}
			}
		}
		List<String[]> rows = new ArrayList<>();
		double selfSum = 0;
		for (String name : added) {
			double total = median(with.stream()
				.mapToDouble((run) -> run.beans.containsKey(name) ? run.beans.get(name)[0] : 0)
				.toArray());
			double self = median(with.stream()
				.mapToDouble((run) -> run.beans.containsKey(name) ? run.beans.get(name)[1] : 0)
				.toArray());
			selfSum += self;
			selfTotals.put(name, new double[] { total, self });
			rows.add(new String[] { name, Table.fixed(total, 2), Table.fixed(self, 2) });
		}
		rows.sort((a, b) -> Double.compare(Double.parseDouble(b[2]), Double.parseDouble(a[2])));
		Table table = new Table(
				"c. Beans that exist only with the starter (medians, ms; self = without the beans it instantiated)",
				"bean", "total", "self");
		rows.forEach((row) -> table.row((Object[]) row));
		table.row("sum of self", "", Table.fixed(selfSum, 2));
		System.out.println(table.render());
	}

	private static void printClasses(String title, List<Run> without, List<Run> with) {
		Map<String, List<Double>> added = new TreeMap<>();
		Map<String, List<Double>> removed = new TreeMap<>();
		Map<String, Map<String, Integer>> examples = new HashMap<>();
		for (int i = 0; i < with.size(); i++) {
			Map<String, Integer> a = without.get(i).classes;
			Map<String, Integer> b = with.get(i).classes;
			Map<String, Integer> plus = new HashMap<>();
			Map<String, Integer> minus = new HashMap<>();
			for (Map.Entry<String, Integer> entry : b.entrySet()) {
				int more = entry.getValue() - a.getOrDefault(entry.getKey(), 0);
				if (more > 0) {
					String group = group(entry.getKey());
					plus.merge(group, more, Integer::sum);
					examples.computeIfAbsent(group, (key) -> new HashMap<>())
						.merge(packageOf(entry.getKey()), more, Integer::sum);
				}
			}
			for (Map.Entry<String, Integer> entry : a.entrySet()) {
				int more = entry.getValue() - b.getOrDefault(entry.getKey(), 0);
				if (more > 0) {
					minus.merge(group(entry.getKey()), more, Integer::sum);
				}
			}
			Set<String> groups = new HashSet<>(plus.keySet());
			groups.addAll(minus.keySet());
			groups.addAll(added.keySet());
			for (String group : groups) {
				added.computeIfAbsent(group, (key) -> new ArrayList<>()).add((double) plus.getOrDefault(group, 0));
				removed.computeIfAbsent(group, (key) -> new ArrayList<>()).add((double) minus.getOrDefault(group, 0));
			}
		}
		Table table = new Table(title, "group", "added", "only without", "packages (classes per run, most first)");
		List<Map.Entry<String, List<Double>>> entries = new ArrayList<>(added.entrySet());
		entries.sort((x, y) -> Double.compare(medianList(y.getValue()), medianList(x.getValue())));
		double sum = 0;
		for (Map.Entry<String, List<Double>> entry : entries) {
			double count = medianList(entry.getValue());
			sum += count;
			String packages = examples.getOrDefault(entry.getKey(), Map.of())
				.entrySet()
				.stream()
				.sorted((x, y) -> y.getValue() - x.getValue())
				.limit(4)
				.map((e) -> e.getKey() + " " + Math.round((double) e.getValue() / with.size()))
				.collect(Collectors.joining(", "));
			table.row(entry.getKey(), Table.fixed(count, 0), Table.fixed(medianList(removed.get(entry.getKey())), 0),
					packages);
		}
		table.row("sum", Table.fixed(sum, 0), "", "");
		System.out.println(table.render());
	}

	private static double medianList(List<Double> values) {
		return median(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private static String group(String name) {
		for (String[] group : GROUPS) {
			if (name.startsWith(group[0])) {
				return group[1];
			}
		}
		return "other";
	}

	private static String packageOf(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	static double median(double[] values) {
		return (values.length == 0) ? 0 : PagingBenchmark.median(values);
	}

	private static String classPath(Path target, String file) throws IOException {
		Path list = target.resolve(file);
		if (!Files.isRegularFile(list)) {
			throw new IllegalStateException(
					list + " is missing: build with ./mvnw -B -o -q -pl benchmarks -am package -DskipTests");
		}
		return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(list).strip();
	}

	private static final class Run {

		double uptimeMillis;

		double cpuMillis;

		final Map<String, Double> steps = new HashMap<>();

		/** Name to [ms, classes loaded]. */
		final Map<String, double[]> postProcessors = new LinkedHashMap<>();

		/** Bean name to [total ms, self ms]; summed if instantiated more than once. */
		final Map<String, double[]> beans = new HashMap<>();

		/**
		 * Class names, lambdas and other hidden classes without their numbers (which
		 * differ from run to run), to how many were loaded.
		 */
		final Map<String, Integer> classes = new HashMap<>();

		int classCount() {
			return this.classes.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	private static Run launch(String classPath, List<String> appArgs, List<String> jvmOptions, Path classLog)
			throws IOException, InterruptedException {
		List<String> options = new ArrayList<>();
		options.add("-D" + PROFILE_PROPERTY + "=true");
		options.add("-Xlog:class+load:file=" + classLog + ":uptime,tags");
		options.addAll(jvmOptions);
		Process process = StartupApp.processBuilder(classPath, options, appArgs).start();
		Run run = new Run();
		StringBuilder output = new StringBuilder();
		boolean ready = false;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
				if (line.startsWith(LINE)) {
					String[] parts = line.substring(LINE.length()).split(" ");
					switch (parts[0]) {
						case "epp" -> run.postProcessors.put(parts[1],
								new double[] { Double.parseDouble(parts[2]), Double.parseDouble(parts[3]) });
						case "bean" -> run.beans.merge(parts[1],
								new double[] { Double.parseDouble(parts[2]), Double.parseDouble(parts[3]) },
								(x, y) -> new double[] { x[0] + y[0], x[1] + y[1] });
						case "step" -> run.steps.merge(parts[1], Double.parseDouble(parts[2]), Double::sum);
						default -> {
						}
					}
				}
				else if (line.startsWith(StartupApp.READY)) {
					ready = true;
					for (String part : line.split(" ")) {
						if (part.startsWith("uptimeMs=")) {
							run.uptimeMillis = Double.parseDouble(part.substring(9));
						}
						else if (part.startsWith("cpuMs=")) {
							run.cpuMillis = Double.parseDouble(part.substring(6));
						}
					}
				}
			}
		}
		finally {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (!ready || process.exitValue() != 0) {
			throw new IllegalStateException("The startup app did not get ready:\n" + output);
		}
		// "[0.012s][info][class,load] java.lang.Object source: ...", up to ready (the
		// warm-up thread starts at ready and loads classes while the app exits).
		for (String line : Files.readAllLines(classLog)) {
			int start = line.indexOf("] ", line.indexOf("[class,load"));
			int end = line.indexOf(" source:");
			int seconds = line.indexOf("s]");
			if (start > 0 && end > start && seconds > 1
					&& Double.parseDouble(line.substring(1, seconds)) * 1000 <= run.uptimeMillis) {
				String name = HIDDEN.matcher(line.substring(start + 2, end)).replaceAll("");
				run.classes.merge(name, 1, Integer::sum);
			}
		}
		return run;
	}

	/** In the child JVM ({@value #PROFILE_PROPERTY}): times post-processors, prints. */
	static final class Probe {

		private static final Map<String, double[]> postProcessors = new LinkedHashMap<>();

		private Probe() {
		}

		static void install(SpringApplication application) {
			List<ApplicationListener<?>> listeners = new ArrayList<>();
			for (ApplicationListener<?> listener : application.getListeners()) {
				if (listener instanceof EnvironmentPostProcessorApplicationListener) {
					EnvironmentPostProcessorsFactory factory = EnvironmentPostProcessorsFactory
						.fromSpringFactories(application.getClassLoader());
					listeners.add(EnvironmentPostProcessorApplicationListener
						.with((logFactory, bootstrap) -> factory.getEnvironmentPostProcessors(logFactory, bootstrap)
							.stream()
							.map(Probe::timed)
							.toList()));
				}
				else {
					listeners.add(listener);
				}
			}
			application.setListeners(listeners);
		}

		private static EnvironmentPostProcessor timed(EnvironmentPostProcessor delegate) {
			String name = delegate.getClass().getSimpleName();
			return (ConfigurableEnvironment environment, SpringApplication application) -> {
				ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
				long loaded = classes.getTotalLoadedClassCount();
				long start = System.nanoTime();
				delegate.postProcessEnvironment(environment, application);
				double millis = (System.nanoTime() - start) / 1e6;
				postProcessors.merge(name, new double[] { millis, classes.getTotalLoadedClassCount() - loaded },
						(x, y) -> new double[] { x[0] + y[0], x[1] + y[1] });
			};
		}

		static void print(StartupTimeline timeline) {
			postProcessors.forEach(
					(name, value) -> System.out.println(LINE + "epp " + name + " " + value[0] + " " + (long) value[1]));
			Map<Long, Double> childInstantiations = new HashMap<>();
			for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
				StartupStep step = event.getStartupStep();
				if (step.getName().equals("spring.beans.instantiate") && step.getParentId() != null) {
					childInstantiations.merge(step.getParentId(), event.getDuration().toNanos() / 1e6, Double::sum);
				}
			}
			for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
				StartupStep step = event.getStartupStep();
				double millis = event.getDuration().toNanos() / 1e6;
				if (step.getName().equals("spring.beans.instantiate")) {
					String bean = "?";
					for (StartupStep.Tag tag : step.getTags()) {
						if (tag.getKey().equals("beanName")) {
							bean = tag.getValue().replace(' ', '_');
						}
					}
					double self = millis - childInstantiations.getOrDefault(step.getId(), 0.0);
					System.out.println(LINE + "bean " + bean + " " + millis + " " + self);
				}
				else if (step.getName().startsWith("spring.boot.application.")
						|| step.getName().equals("spring.context.refresh")) {
					System.out.println(LINE + "step " + step.getName() + " " + millis);
				}
			}
		}

	}

}
