package dev.bentocloud.sample.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.sample.SampleApplication;
import dev.bentocloud.sample.emulator.EmbeddedEmulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI in a child JVM with a small heap against a server whose token list never ends:
 * it once made 4,145 requests in 56 s and died of OutOfMemoryError at -Xmx256m. Now the
 * list fails after two pages, or ends at the first empty page, with the JVM's heap at 64
 * MB.
 */
class CliMisbehavingServerTests {

	private static final String TOKENS = "/api/v1/api_tokens";

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(true).demoToken(EmbeddedEmulatorConfiguration.DEMO_TOKEN));

	@BeforeAll
	static void startEmulator() {
		emulator.get().seedApiTokens(250);
	}

	@AfterEach
	void clearFaults() {
		emulator.get().faults().clear();
		emulator.get().clearRequests();
	}

	private record Run(int exitCode, String output, long millis) {
	}

	private static Run apiTokenList() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx64m",
				"-XX:TieredStopAtLevel=1", "-cp", classpath, SampleApplication.class.getName(),
				"--spring.profiles.active=emulator", "--sample.emulator.port=" + emulator.get().port(), "api-token",
				"list", "-o", "json")
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((key) -> key.startsWith("BENTO"));
		long started = System.nanoTime();
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
		return new Run(process.exitValue(), output, (System.nanoTime() - started) / 1_000_000);
	}

	@Test
	void aServerThatIgnoresStartEndsTheListAfterTwoPagesWithExitOne() throws Exception {
		emulator.get().faults().on("GET", TOKENS).ignoreStart();
		Run run = apiTokenList();
		System.out.printf("ignores start: exit %d in %d ms, %d requests%n", run.exitCode(), run.millis(),
				emulator.get().requestCount("GET", TOKENS));
		assertThat(run.exitCode()).as(run.output()).isOne();
		assertThat(run.output()).contains("the server does not page").doesNotContain("OutOfMemoryError");
		assertThat(emulator.get().requestCount("GET", TOKENS)).isEqualTo(2);
	}

	@Test
	void aTotalThatStaysAheadEndsAtTheFirstEmptyPage() throws Exception {
		emulator.get().faults().on("GET", TOKENS).total(100_000_000);
		Run run = apiTokenList();
		System.out.printf("total ahead: exit %d in %d ms, %d requests%n", run.exitCode(), run.millis(),
				emulator.get().requestCount("GET", TOKENS));
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("token-00249").doesNotContain("OutOfMemoryError");
		assertThat(emulator.get().requestCount("GET", TOKENS)).isEqualTo(4);
	}

}
