package dev.bentocloud.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * {@link StartupProfile}'s tables: medians over the runs without the starter, with it,
 * and with jackson-dataformat-yaml alone.
 */
final class StartupProfileTables {

	private StartupProfileTables() {
	}

	static void printOverall(List<StartupProfileRun> without, List<StartupProfileRun> with,
			List<StartupProfileRun> yaml) {
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

	private static void row(Table table, String name, List<StartupProfileRun> without, List<StartupProfileRun> with,
			List<StartupProfileRun> yaml, ToDoubleFunction<StartupProfileRun> measure) {
		double a = median(without.stream().mapToDouble(measure).toArray());
		double b = median(with.stream().mapToDouble(measure).toArray());
		double c = median(yaml.stream().mapToDouble(measure).toArray());
		table.row(name, Table.fixed(a, 1), Table.fixed(b, 1), Table.fixed(b - a, 1), Table.fixed(c, 1),
				Table.fixed(c - a, 1));
	}

	static void printPostProcessors(List<StartupProfileRun> without, List<StartupProfileRun> with) {
		Table table = new Table("b. EnvironmentPostProcessors (medians; classes = classes loaded while it ran)",
				"post-processor", "without, ms", "with, ms", "without, classes", "with, classes");
		Set<String> names = new LinkedHashSet<>(with.get(0).postProcessors.keySet());
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

	private static String medianOf(List<StartupProfileRun> runs, Function<StartupProfileRun, double[]> values,
			int index, int decimals) {
		List<Double> found = new ArrayList<>();
		for (StartupProfileRun run : runs) {
			double[] value = values.apply(run);
			if (value != null) {
				found.add(value[index]);
			}
		}
		return found.isEmpty() ? "-"
				: Table.fixed(median(found.stream().mapToDouble(Double::doubleValue).toArray()), decimals);
	}

	static void printBeans(List<StartupProfileRun> without, List<StartupProfileRun> with) {
		Set<String> plain = new HashSet<>();
		without.forEach((run) -> plain.addAll(run.beans.keySet()));
		Map<String, double[]> selfTotals = new HashMap<>();
		Set<String> added = new TreeSet<>();
		for (StartupProfileRun run : with) {
			for (String name : run.beans.keySet()) {
				if (!plain.contains(name) || name.toLowerCase(Locale.ROOT).contains("bentocloud")) {
					added.add(name);
				}
			}
		}
		List<String[]> rows = new ArrayList<>();
		double selfSum = 0;
		for (String name : added) {
			double total = beanMedian(with, name, 0);
			double self = beanMedian(with, name, 1);
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

	/** A bean's median time over the runs, 0 where it was not instantiated. */
	private static double beanMedian(List<StartupProfileRun> runs, String name, int index) {
		return median(runs.stream()
			.mapToDouble((run) -> run.beans.containsKey(name) ? run.beans.get(name)[index] : 0)
			.toArray());
	}

	/**
	 * Beans both apps have, whose self time grew most with the starter: where the starter
	 * costs other beans (a converter every binding consults, a post-processor every bean
	 * passes).
	 */
	static void printSharedBeans(List<StartupProfileRun> without, List<StartupProfileRun> with) {
		Set<String> shared = new TreeSet<>();
		without.forEach((run) -> shared.addAll(run.beans.keySet()));
		shared.removeIf((name) -> with.stream().noneMatch((run) -> run.beans.containsKey(name)));
		List<SelfTimes> growth = new ArrayList<>();
		for (String name : shared) {
			growth.add(new SelfTimes(name, beanMedian(without, name, 1), beanMedian(with, name, 1)));
		}
		growth.sort(Comparator.comparingDouble(SelfTimes::added).reversed());
		Table table = new Table("c2. Beans of both apps whose self time grew most with the starter (medians, ms)",
				"bean", "without", "with", "added");
		growth.stream()
			.limit(12)
			.forEach((bean) -> table.row(bean.name(), Table.fixed(bean.without(), 2), Table.fixed(bean.with(), 2),
					Table.fixed(bean.added(), 2)));
		table.row("sum over all " + growth.size() + " shared beans", "", "",
				Table.fixed(growth.stream().mapToDouble(SelfTimes::added).sum(), 2));
		System.out.println(table.render());
	}

	private record SelfTimes(String name, double without, double with) {

		double added() {
			return this.with - this.without;
		}

	}

	static void printClasses(String title, List<StartupProfileRun> without, List<StartupProfileRun> with) {
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
					String group = ClassGroups.group(entry.getKey());
					plus.merge(group, more, Integer::sum);
					examples.computeIfAbsent(group, (key) -> new HashMap<>())
						.merge(ClassGroups.packageOf(entry.getKey()), more, Integer::sum);
				}
			}
			for (Map.Entry<String, Integer> entry : a.entrySet()) {
				int more = entry.getValue() - b.getOrDefault(entry.getKey(), 0);
				if (more > 0) {
					minus.merge(ClassGroups.group(entry.getKey()), more, Integer::sum);
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

	private static double median(double[] values) {
		return (values.length == 0) ? 0 : PagingBenchmark.median(values);
	}

}
