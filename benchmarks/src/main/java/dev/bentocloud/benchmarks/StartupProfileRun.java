package dev.bentocloud.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One profiled {@link StartupApp} JVM's measurements, read from its output (the
 * {@link StartupProfileProbe} lines and the ready line) and its class-load log.
 */
final class StartupProfileRun {

	/** "$$Lambda$123/0x0000..." and other hidden classes' numbers. */
	private static final Pattern HIDDEN = Pattern.compile("(?<=\\$\\$Lambda)\\$\\d+|/0x[0-9a-f]+");

	boolean ready;

	double uptimeMillis;

	double cpuMillis;

	final Map<String, Double> steps = new HashMap<>();

	/** Name to [ms, classes loaded]. */
	final Map<String, double[]> postProcessors = new LinkedHashMap<>();

	/** Bean name to [total ms, self ms]; summed if instantiated more than once. */
	final Map<String, double[]> beans = new HashMap<>();

	/**
	 * Class names, lambdas and other hidden classes without their numbers (which differ
	 * from run to run), to how many were loaded.
	 */
	final Map<String, Integer> classes = new HashMap<>();

	int classCount() {
		return this.classes.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** One line of the app's standard output; lines other than ours are ignored. */
	void readOutputLine(String line) {
		if (line.startsWith(StartupProfileProbe.LINE)) {
			String[] parts = line.substring(StartupProfileProbe.LINE.length()).split(" ");
			switch (parts[0]) {
				case "epp" -> this.postProcessors.put(parts[1],
						new double[] { Double.parseDouble(parts[2]), Double.parseDouble(parts[3]) });
				case "bean" -> this.beans.merge(parts[1],
						new double[] { Double.parseDouble(parts[2]), Double.parseDouble(parts[3]) },
						(x, y) -> new double[] { x[0] + y[0], x[1] + y[1] });
				case "step" -> this.steps.merge(parts[1], Double.parseDouble(parts[2]), Double::sum);
				default -> {
				}
			}
		}
		else if (line.startsWith(StartupApp.READY)) {
			this.ready = true;
			for (String part : line.split(" ")) {
				if (part.startsWith("uptimeMs=")) {
					this.uptimeMillis = Double.parseDouble(part.substring(9));
				}
				else if (part.startsWith("cpuMs=")) {
					this.cpuMillis = Double.parseDouble(part.substring(6));
				}
			}
		}
	}

	/**
	 * Counts the classes of a {@code -Xlog:class+load} log loaded up to ready (the
	 * warm-up thread starts at ready and loads classes while the app exits).
	 */
	void readClassLog(Path classLog) throws IOException {
		// "[0.012s][info][class,load] java.lang.Object source: ..."
		for (String line : Files.readAllLines(classLog)) {
			int start = line.indexOf("] ", line.indexOf("[class,load"));
			int end = line.indexOf(" source:");
			int seconds = line.indexOf("s]");
			if (start > 0 && end > start && seconds > 1
					&& Double.parseDouble(line.substring(1, seconds)) * 1000 <= this.uptimeMillis) {
				String name = HIDDEN.matcher(line.substring(start + 2, end)).replaceAll("");
				this.classes.merge(name, 1, Integer::sum);
			}
		}
	}

}
