package dev.bentocloud.sample.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;

/**
 * One captured CLI run: stdout, stderr and the exit code.
 *
 * @param out what the command printed on stdout
 * @param err what it printed on stderr
 * @param exitCode the exit code
 */
public record CliRun(String out, String err, int exitCode) {

	/** The sample's emulator profile, as a leading Spring argument. */
	static final String EMULATOR_PROFILE = "--spring.profiles.active=emulator";

	/** Runs the CLI as {@code java -jar sample-app.jar springArgs... args...} would. */
	static CliRun of(List<String> springArgs, String... args) {
		return of(springArgs, null, args);
	}

	/**
	 * As {@link #of(List, String...)}, with these OS environment variables instead of the
	 * real ones.
	 */
	static CliRun of(List<String> springArgs, Map<String, Object> osEnvironment, String... args) {
		List<String> all = new ArrayList<>(springArgs);
		all.addAll(List.of(args));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = inThisJvm(
				() -> SampleCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8), osEnvironment));
		return new CliRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exitCode);
	}

	/**
	 * Runs a CLI in this JVM and restores the system properties afterwards: Spring Boot
	 * turns the CLI's {@code logging.console.enabled=false} into system properties
	 * ({@code CONSOLE_LOG_THRESHOLD}) that would silence the console of every later
	 * application in the JVM. A real CLI run ends its JVM.
	 * @param run the run
	 * @return its exit code
	 */
	public static int inThisJvm(IntSupplier run) {
		Properties saved = (Properties) System.getProperties().clone();
		try {
			return run.getAsInt();
		}
		finally {
			System.setProperties(saved);
		}
	}

	String all() {
		return this.out + this.err;
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
	}

}
