package dev.bentocloud.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The run's header: mode, date, CPUs, JDK and load average (Linux's /proc). */
final class MachineInfo {

	private MachineInfo() {
	}

	static String describe(boolean quick) {
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

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

}
