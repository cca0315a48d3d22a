package dev.bentocloud.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as the sample's build ships it ({@code sample-app/target/cli/sample-cli}): it
 * runs a command on the class archive the build recorded, its output carries no JVM
 * warning, and another JDK falls back to running without the archive.
 */
@DisabledOnOs(OS.WINDOWS)
class SampleCliLauncherIT {

	@TempDir
	Path home;

	@Test
	void runsWhoamiOnTheRecordedArchive() throws Exception {
		Path cli = cliDirectory();
		assertThat(cli.resolve("sample-cli")).isExecutable();
		assertThat(Files.list(cli).map((file) -> file.getFileName().toString()))
			.as("the class archive recorded by the build's training run")
			.anyMatch((name) -> name.equals("sample-cli.jsa") || name.equals("sample-cli.aot"));
		Run run = run(System.getProperty("java.home"));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.stdout()).as(run.toString()).contains("Email").doesNotContain("[warning]");
		assertThat(run.stderr()).as("classes of the app loaded from the build's archive")
			.contains("dev.bentocloud.sample.cli.WhoamiCommand source: shared objects file");
	}

	@Test
	void anotherJavaRunsWithoutTheArchive() throws Exception {
		Path otherJava = this.home.resolve("other-jdk/bin/java");
		Files.createDirectories(otherJava.getParent());
		// A different path to the same java binary: the launcher compares resolved paths,
		// so only a copy counts as another JDK.
		Files.writeString(otherJava,
				"#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
		otherJava.toFile().setExecutable(true);
		Run run = run(otherJava.getParent().getParent().toString());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.stdout()).as(run.toString()).contains("Email");
		assertThat(run.stderr()).as(run.toString()).contains("dev.bentocloud.sample.cli.WhoamiCommand source: file:");
	}

	private Run run(String javaHome) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(cliDirectory().resolve("sample-cli").toString(),
				"--spring.profiles.active=emulator", "--sample.emulator.port=0", "whoami"));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("BENTO") || name.startsWith("SPRING_"));
		builder.environment().put("JAVA_HOME", javaHome);
		builder.environment().put("BENTOML_HOME", this.home.toString());
		// Where each class came from, on stderr: the archive or the jars.
		builder.environment().put("SAMPLE_CLI_JAVA_OPTS", "-Xlog:class+load=info:stderr");
		Path out = this.home.resolve("out.txt");
		Path err = this.home.resolve("err.txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("sample-cli did not finish in 120 s");
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private static Path cliDirectory() {
		String jar = System.getProperty("bentocloud.it.sample-app-jar", "../sample-app/target/sample-app.jar");
		return Path.of(jar).toAbsolutePath().resolveSibling("cli");
	}

	record Run(int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\nstdout:\n" + this.stdout + "\nstderr:\n"
					+ this.stderr.lines().filter((line) -> !line.contains("class,load")).limit(40).toList();
		}

	}

}
