package dev.bentocloud.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches {@link StartupApp} in a fresh child JVM with the {@link StartupProfileProbe}
 * on and {@code -Xlog:class+load} into a file, and waits for it to exit.
 */
final class StartupProfileLauncher {

	private final List<String> appArgs;

	private final List<String> jvmOptions;

	StartupProfileLauncher(List<String> appArgs, List<String> jvmOptions) {
		this.appArgs = appArgs;
		this.jvmOptions = jvmOptions;
	}

	StartupProfileRun launch(String classPath, Path classLog) throws IOException, InterruptedException {
		List<String> options = new ArrayList<>();
		options.add("-D" + StartupProfile.PROFILE_PROPERTY + "=true");
		options.add("-Xlog:class+load:file=" + classLog + ":uptime,tags");
		options.addAll(this.jvmOptions);
		Process process = StartupApp.processBuilder(classPath, options, this.appArgs).start();
		StartupProfileRun run = new StartupProfileRun();
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
				run.readOutputLine(line);
			}
		}
		finally {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (!run.ready || process.exitValue() != 0) {
			throw new IllegalStateException("The startup app did not get ready:\n" + output);
		}
		run.readClassLog(classLog);
		return run;
	}

}
