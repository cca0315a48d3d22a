package dev.bentocloud.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link BenchmarkMain}'s arguments: {@code [--quick] [--only a,b]}, and the
 * {@code benchmarks.target} system property (where the build left the class paths).
 *
 * @param quick whether to run each benchmark briefly (a smoke test)
 * @param only the names of the benchmarks to run
 * @param target the benchmarks module's build directory
 */
record BenchmarkOptions(boolean quick, Set<String> only, Path target) {

	static final List<String> ALL = List.of("throughput", "paging", "startup", "health", "cli", "service", "soak");

	static BenchmarkOptions parse(String[] args) {
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
		return new BenchmarkOptions(quick, only, target);
	}

	boolean runs(String benchmark) {
		return this.only.contains(benchmark);
	}

}
