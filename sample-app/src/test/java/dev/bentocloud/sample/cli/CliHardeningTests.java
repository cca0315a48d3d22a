package dev.bentocloud.sample.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.sample.SampleApplication;
import dev.bentocloud.sample.emulator.EmbeddedEmulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What users copy from the sample's CLI: every command answers {@code --help};
 * server-supplied names with escape sequences never reach the terminal raw; very long
 * values are cut; usage errors (past expiry, unknown scope) exit 2; and the token need
 * not be on the command line.
 */
class CliHardeningTests {

	private static final String DEMO_TOKEN = EmbeddedEmulatorConfiguration.DEMO_TOKEN;

	/** Retitles the terminal, clears the screen and forges a line. */
	private static final String HOSTILE = "evil\u001b]0;pwned\u0007\u001b[2J\r\nforged";

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(true).demoToken(DEMO_TOKEN));

	@TempDir
	Path dir;

	@AfterEach
	void clearFaults() {
		emulator.get().faults().clear();
	}

	private static CliRun cli(String... args) {
		return CliRun.of(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port()), args);
	}

	/** No raw control character but the line ends. */
	private static void assertTerminalSafe(CliRun run) {
		assertThat(run.all().replace("\n", "")).as(run.toString()).doesNotContainPattern("[\\p{Cntrl}\u0080-\u009f]");
		assertThat(run.all()).doesNotContain(DEMO_TOKEN).doesNotContain("\nforged");
	}

	@Test
	void everyCommandAnswersHelpWithExitZero() {
		List<List<String>> commands = List.of(List.of(), List.of("whoami"), List.of("cloud"), List.of("cloud", "login"),
				List.of("cloud", "current-context"), List.of("cloud", "list-context"),
				List.of("cloud", "update-current-context"), List.of("api-token"), List.of("api-token", "list"),
				List.of("api-token", "create"), List.of("api-token", "get"), List.of("api-token", "delete"),
				List.of("deployment"), List.of("deployment", "list"), List.of("deployment", "get"));
		for (List<String> command : commands) {
			for (String help : List.of("--help", "-h")) {
				List<String> args = new ArrayList<>(command);
				args.add(help);
				CliRun run = cli(args.toArray(String[]::new));
				assertThat(run.exitCode()).as(args + "\n" + run).isZero();
				assertThat(run.out()).as(args.toString()).contains("Usage:", "-h, --help");
			}
		}
	}

	@Test
	void aGroupWithoutASubcommandIsAUsageError() {
		CliRun run = cli("api-token");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("Missing command: api-token needs one of list, create, get, delete", "Usage:");
	}

	@Test
	void anEndpointWithCredentialsIsRefusedWithoutShowingThem() {
		CliRun run = CliRun.of(List.of("--bentocloud.credentials.bentoml-sources=false",
				"--bentocloud.endpoint=http://alice:pa55word@127.0.0.1:" + emulator.get().port(),
				"--bentocloud.api-token=" + DEMO_TOKEN), "whoami");
		assertThat(run.exitCode()).as(run.toString()).isNotZero();
		assertThat(run.err()).contains("contains user info");
		assertThat(run.all()).doesNotContain("alice", "pa55word", DEMO_TOKEN);
	}

	@Test
	void tokenNamesWithEscapeSequencesAreShownEscaped() {
		CliRun created = cli("api-token", "create", HOSTILE, "-d", "desc " + HOSTILE);
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertTerminalSafe(created);
		assertThat(created.out()).contains("evil\\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u000aforged");
		String uid = created.out()
			.lines()
			.filter((line) -> line.startsWith("  UID: "))
			.findFirst()
			.orElseThrow()
			.substring(7);

		CliRun list = cli("api-token", "list");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertTerminalSafe(list);
		assertThat(list.out()).contains("evil\\u001b]0;pwned\\u0007");

		CliRun get = cli("api-token", "get", uid);
		assertThat(get.exitCode()).as(get.toString()).isZero();
		assertTerminalSafe(get);
		assertThat(get.out()).contains("desc evil\\u001b]0;pwned");

		CliRun json = cli("api-token", "get", uid, "-o", "json");
		assertThat(json.out()).as("json escapes by itself").contains("evil\\u001B]0;pwned\\u0007");
		assertThat(cli("api-token", "delete", uid).exitCode()).isZero();
	}

	@Test
	void whoamiAndDeploymentsWithEscapeSequencesAreShownEscaped() {
		String token = emulator.get().createUserWithToken(HOSTILE, "x\u001b[2J@example.com");
		CliRun whoami = CliRun.of(
				List.of("--bentocloud.credentials.bentoml-sources=false",
						"--bentocloud.endpoint=" + emulator.get().endpoint(), "--bentocloud.api-token=" + token),
				"whoami");
		assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
		assertThat(whoami.all()).doesNotContain(token);
		assertTerminalSafe(whoami);
		assertThat(whoami.out()).contains("(evil\\u001b]0;pwned", "x\\u001b[2J@example.com");

		emulator.get().seedDeployment("dep-" + HOSTILE, "iris:v1", false);
		CliRun deployments = cli("deployment", "list");
		assertThat(deployments.exitCode()).as(deployments.toString()).isZero();
		assertTerminalSafe(deployments);
		assertThat(deployments.out()).contains("dep-evil\\u001b]0;pwned");
	}

	@Test
	void errorLinesFromAHostileServerAreOneSafeLine() {
		emulator.get()
			.faults()
			.on("GET", "/api/v1/api_tokens")
			.body(500,
					"{\"message\":\"" + HOSTILE.replace("\u001b", "\\u001b")
						.replace("\u0007", "\\u0007")
						.replace("\r", "\\r")
						.replace("\n", "\\n") + "\"}");
		CliRun run = cli("api-token", "list");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertTerminalSafe(run);
		assertThat(run.err().lines()).hasSize(1);
		assertThat(run.err()).startsWith("Error: [api-token] `list` failed:").contains("evil\\u001b]0;pwned");
	}

	@Test
	void aVeryLongContextNameIsCutInTheError() {
		String name = "n".repeat(200_000);
		CliRun run = CliRun.of(List.of("--bentocloud.config-file=" + this.dir.resolve("yatai.yaml")), "cloud",
				"update-current-context", name);
		assertThat(run.exitCode()).as(run.err().substring(0, Math.min(500, run.err().length()))).isEqualTo(1);
		assertThat(run.err().length()).isLessThan(2_500);
		assertThat(run.err()).contains("n\u2026 (200000 characters)").contains("No cloud context");
	}

	@Test
	void aPastExpiryIsAUsageError() {
		long before = emulator.get().requestCount("POST", "/api/v1/api_tokens");
		CliRun run = cli("api-token", "create", "old", "--expires", "2020-01-01");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("'2020-01-01' is in the past");
		assertThat(emulator.get().requestCount("POST", "/api/v1/api_tokens")).isEqualTo(before);
	}

	@Test
	void unknownScopesAreRefusedUnlessAllowed() {
		long before = emulator.get().requestCount("POST", "/api/v1/api_tokens");
		CliRun typo = cli("api-token", "create", "typo", "-s", "read_clsuter");
		assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
		assertThat(typo.err()).contains("Unknown scope read_clsuter",
				"Known scopes: api, read_organization, write_organization, read_cluster, write_cluster",
				"--allow-unknown-scopes");
		assertThat(emulator.get().requestCount("POST", "/api/v1/api_tokens")).isEqualTo(before);
		CliRun allowed = cli("api-token", "create", "future", "-s", "read_models", "--allow-unknown-scopes", "-o",
				"json");
		assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
		assertThat(allowed.out()).contains("read_models");
	}

	@Test
	void loginReadsTheTokenFromAFile() throws Exception {
		Path tokenFile = this.dir.resolve("token");
		Files.writeString(tokenFile, DEMO_TOKEN + "\n");
		CliRun run = CliRun.of(List.of("--bentocloud.config-file=" + this.dir.resolve("yatai.yaml")), "cloud", "login",
				"--api-token-file", tokenFile.toString(), "--endpoint", emulator.get().endpoint());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("Logged in as demo@example.com");
		assertThat(Files.readString(this.dir.resolve("yatai.yaml"))).contains(DEMO_TOKEN);
		CliRun both = CliRun.of(List.of("--bentocloud.config-file=" + this.dir.resolve("yatai.yaml")), "cloud", "login",
				"--api-token-file", tokenFile.toString(), "--api-token", "x", "--endpoint", emulator.get().endpoint());
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.err()).contains("one way only");
	}

	@Test
	void loginReadsTheTokenFromStandardInputInAChildJvm() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path file = this.dir.resolve("stdin.yaml");
		ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
				"-XX:TieredStopAtLevel=1", "-cp", classpath, SampleApplication.class.getName(),
				"--bentocloud.config-file=" + file, "cloud", "login", "--api-token-stdin", "--endpoint",
				emulator.get().endpoint())
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((key) -> key.startsWith("BENTO"));
		Process login = builder.start();
		try (OutputStream stdin = login.getOutputStream()) {
			stdin.write((DEMO_TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(login.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
		assertThat(login.exitValue()).as(output).isZero();
		assertThat(output).contains("Logged in as demo@example.com").doesNotContain(DEMO_TOKEN);
		assertThat(login.info().arguments().map(List::of).orElse(List.of()))
			.noneMatch((arg) -> arg.contains(DEMO_TOKEN));
		assertThat(Files.readString(file)).contains(DEMO_TOKEN);
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginRefusesATokenFileThatIsNotARegularFile() throws Exception {
		// A FIFO blocks open() until someone writes to it: a login that opens it hangs.
		Path fifo = this.dir.resolve("token\u001b[2J-fifo");
		assumeTrue(mkfifo(fifo), "mkfifo is not available");
		Path config = this.dir.resolve("yatai.yaml");
		long before = emulator.get().requestCount("GET", "/api/v1/auth/current");
		CliRun run;
		try {
			run = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> CliRun.of(List.of("--bentocloud.config-file=" + config), "cloud", "login", "--api-token-file",
							fifo.toString(), "--endpoint", emulator.get().endpoint()));
		}
		catch (AssertionFailedError timedOut) {
			release(fifo);
			throw timedOut;
		}
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().lines().findFirst()).as(run.toString())
			.hasValue("--api-token-file: not a regular file: " + fifo.toString().replace("\u001b", "\\u001b"));
		assertTerminalSafe(run);
		CliRun directory = CliRun.of(List.of("--bentocloud.config-file=" + config), "cloud", "login",
				"--api-token-file", this.dir.toString(), "--endpoint", emulator.get().endpoint());
		assertThat(directory.exitCode()).as(directory.toString()).isEqualTo(2);
		assertThat(directory.err()).contains("--api-token-file: not a regular file: " + this.dir);
		assertThat(config).doesNotExist();
		assertThat(emulator.get().requestCount("GET", "/api/v1/auth/current")).isEqualTo(before);
	}

	@Test
	void loginStopsWaitingForStandardInputAfterTheTimeout() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path file = this.dir.resolve("stdin.yaml");
		Path output = this.dir.resolve("output.txt");
		ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
				"-XX:TieredStopAtLevel=1", "-cp", classpath, SampleApplication.class.getName(),
				"--bentocloud.config-file=" + file, "--sample.cli.token-read-timeout=2s", "cloud", "login",
				"--api-token-stdin", "--endpoint", emulator.get().endpoint())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((key) -> key.startsWith("BENTO"));
		Process login = builder.start();
		// Standard input stays open with nothing on
		// it, as at a terminal where no one types.
		try (OutputStream stdin = login.getOutputStream()) {
			boolean ended = login.waitFor(90, TimeUnit.SECONDS);
			if (!ended) {
				login.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			String printed = Files.readString(output);
			assertThat(ended).as("still waiting for standard input after 90 s:%n%s", printed).isTrue();
			assertThat(login.exitValue()).as(printed).isOne();
			assertThat(printed).contains("Error: [cloud] `login` failed: No API token on standard input after 2 "
					+ "seconds: pipe it in, e.g. `pass show bentocloud | ... cloud login --api-token-stdin`");
		}
		assertThat(file).doesNotExist();
	}

	/** Makes a FIFO; {@code false} when there is no {@code mkfifo}. */
	static boolean mkfifo(Path path) throws InterruptedException {
		try {
			Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
			return mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Opens the FIFO for writing and closes it, so that a reader stuck in open() sees the
	 * end of the input and its thread ends.
	 */
	private static void release(Path fifo) {
		Thread writer = new Thread(() -> {
			try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
				// nothing to write
			}
			catch (IOException ignored) {
				// the FIFO is gone
			}
		}, "fifo-release");
		writer.setDaemon(true);
		writer.start();
	}

	@Test
	void usageErrorsShowTheArgumentsEscaped() {
		for (String[] args : List.of(new String[] { "api-token", "list", "--" + HOSTILE },
				new String[] { "whoami", HOSTILE }, new String[] { HOSTILE })) {
			CliRun run = cli(args);
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
			assertThat(run.err()).as(run.toString()).contains("\\u001b]0;pwned\\u0007");
			assertTerminalSafe(run);
		}
	}

}
