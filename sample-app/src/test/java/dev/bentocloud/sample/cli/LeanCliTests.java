package dev.bentocloud.sample.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.sample.emulator.EmbeddedEmulatorConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean CLI path ({@link LeanCli}) prints exactly what the Spring path prints, and
 * hands over to the Spring path whenever it could not read the settings exactly as Spring
 * would. A leading {@code --logging.console.enabled=false} (the CLI's default anyway)
 * forces the Spring path.
 */
class LeanCliTests {

	private static final String DEMO_TOKEN = EmbeddedEmulatorConfiguration.DEMO_TOKEN;

	private static final String SPRING_PATH = "--logging.console.enabled=false";

	/** A credentials file with two contexts, as {@code bentoml cloud login} writes it. */
	private static final String CONTEXTS = """
			contexts:
			- api_token: tok-SECRET-default
			  email: null
			  endpoint: https://cloud.bentoml.com
			  name: default
			- api_token: tok-SECRET-prod
			  email: dev@example.com
			  endpoint: https://prod.cloud.bentoml.com
			  name: prod
			current_context_name: prod
			""";

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(true).demoToken(DEMO_TOKEN));

	@ParameterizedTest
	@ValueSource(strings = { "whoami", "whoami -o json", "api-token list -o json", "api-token list", "deployment list",
			"deployment list -o yaml", "api-token get no-such-uid", "api-token list --bogus", "deployment",
			"whoami --help" })
	void sameOutputOnBothPathsWithTheEmulator(String command) {
		assertSame(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port()), Map.of(),
				command.split(" "));
	}

	@Test
	void sameOutputOnBothPathsWithATokenOnTheCommandLine() {
		assertSame(
				List.of("--bentocloud.api-token=" + DEMO_TOKEN, "--bentocloud.endpoint=" + emulator.get().endpoint()),
				Map.of(), "whoami", "-o", "json");
	}

	@Test
	void sameOutputOnBothPathsWithSpringsRelaxedVariables() {
		assertSame(List.of(),
				Map.of("BENTOCLOUD_API_TOKEN", DEMO_TOKEN, "BENTOCLOUD_ENDPOINT", emulator.get().endpoint()), "whoami");
	}

	@Test
	void sameOutputOnBothPathsWithBentoMlsVariables() {
		assertSame(List.of(),
				Map.of("BENTO_CLOUD_API_KEY", DEMO_TOKEN, "BENTO_CLOUD_API_ENDPOINT", emulator.get().endpoint()),
				"whoami", "-o", "yaml");
	}

	@Test
	void sameOutputOnBothPathsWithTheEmulatorProfileFromTheEnvironment() {
		assertSame(List.of("--sample.emulator.port=" + emulator.get().port()),
				Map.of("SPRING_PROFILES_ACTIVE", "emulator"), "whoami", "-o", "json");
	}

	@Test
	void theEmulatorProfileWinsOverCredentialsOnBothPaths() {
		String other = emulator.get().createUserWithToken("eve", "eve@example.com");
		CliRun run = assertSame(
				List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port(),
						"--bentocloud.api-token=" + other),
				Map.of("BENTO_CLOUD_API_KEY", other, "BENTOCLOUD_ENDPOINT", "https://cloud.example"), "whoami", "-o",
				"json");
		assertThat(run.out()).contains("\"credentials_source\" : \"" + EmbeddedEmulatorConfiguration.SOURCE + "\"",
				"demo@example.com", emulator.get().endpoint());
	}

	@Test
	void sameOutputOnBothPathsWithAnotherProfile() {
		assertSame(List.of("--spring.profiles.active=staging"),
				Map.of("BENTO_CLOUD_API_KEY", DEMO_TOKEN, "BENTO_CLOUD_API_ENDPOINT", emulator.get().endpoint()),
				"whoami", "-o", "json");
		assertSame(List.of(), Map.of("SPRING_PROFILES_ACTIVE", "staging", "BENTOCLOUD_API_TOKEN", DEMO_TOKEN,
				"BENTOCLOUD_ENDPOINT", emulator.get().endpoint()), "whoami", "-o", "json");
	}

	@Test
	void sameOutputOnBothPathsWithSystemProperties() {
		System.setProperty("bentocloud.api-token", DEMO_TOKEN);
		try {
			assertSame(List.of("--bentocloud.endpoint=" + emulator.get().endpoint()), Map.of(), "whoami", "-o", "json");
		}
		finally {
			System.clearProperty("bentocloud.api-token");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "cloud list-context", "cloud current-context", "cloud current-context -o yaml",
			"cloud update-current-context default", "cloud update-current-context nope",
			"cloud update-current-context __env__", "cloud list-context --bogus" })
	void sameOutputOnBothPathsForTheCloudCommandsThatOnlyUseTheFile(String command, @TempDir Path home)
			throws IOException {
		Path file = home.resolve(".yatai.yaml");
		Runnable reset = () -> write(file, CONTEXTS);
		Map<String, String> bentomlHome = Map.of("BENTOML_HOME", home.toString());
		// Credentials from the file itself, then with the sample's emulator profile.
		assertSame(List.of(), bentomlHome, reset, file, command.split(" "));
		assertSame(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port()), bentomlHome,
				reset, file, command.split(" "));
		assertSame(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port()),
				Map.of("BENTOML_HOME", home.toString(), "BENTO_CLOUD_API_KEY", "tok-from-env"), reset, file,
				command.split(" "));
	}

	@Test
	void sameLoginOnBothPaths(@TempDir Path home) throws IOException {
		Path file = home.resolve(".yatai.yaml");
		Runnable reset = () -> write(file, CONTEXTS);
		String endpoint = emulator.get().endpoint();
		Map<String, String> bentomlHome = Map.of("BENTOML_HOME", home.toString());
		assertSame(List.of(), bentomlHome, reset, file, "cloud", "login", "--api-token", DEMO_TOKEN, "--endpoint",
				endpoint, "--context", "local");
		String saved = read(file);
		assertThat(saved).contains("name: local", "endpoint: " + endpoint, "email: demo@example.com");
		Path tokenFile = Files.writeString(home.resolve("token"), "wrong-token\n");
		Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
		assertSame(List.of("--" + TokenInput.READ_TIMEOUT_PROPERTY + "=5s"), bentomlHome, reset, file, "cloud", "login",
				"--api-token-file", tokenFile.toString(), "--endpoint", endpoint);
		assertSame(List.of("--" + TokenInput.READ_TIMEOUT_PROPERTY + "=never"), bentomlHome, reset, file, "cloud",
				"login", "--api-token-file", tokenFile.toString(), "--endpoint", endpoint);
	}

	@Test
	void sameFailedLoginOnBothPathsAgainstAMisbehavingServer(@TempDir Path home) {
		Path file = home.resolve(".yatai.yaml");
		Runnable reset = () -> write(file, CONTEXTS);
		Map<String, String> bentomlHome = Map.of("BENTOML_HOME", home.toString());
		String[] login = { "cloud", "login", "--api-token", DEMO_TOKEN, "--endpoint", emulator.get().endpoint() };
		try {
			// An HTML error page with a terminal escape sequence, then a body that is not
			// JSON.
			emulator.get()
				.faults()
				.on("GET", "/api/v1/auth/current")
				.body(502, "<html><body>\u001b[2J\u001b]0;owned\u0007Bad gateway</body></html>")
				.contentType("text/html");
			CliRun htmlPage = assertSame(List.of(), bentomlHome, reset, file, login);
			assertThat(htmlPage.exitCode()).isOne();
			assertThat(htmlPage.all()).contains("Nothing was saved.").doesNotContain("\u001b", "\u0007");
			assertThat(read(file)).isEqualTo(CONTEXTS);
			emulator.get().faults().clear();
			emulator.get().faults().on("GET", "/api/v1/auth/current").body(200, "{\"name\": \"demo\", ");
			CliRun truncatedJson = assertSame(List.of(), bentomlHome, reset, file, login);
			assertThat(truncatedJson.exitCode()).isOne();
			assertThat(truncatedJson.all()).contains("Nothing was saved.");
			assertThat(read(file)).isEqualTo(CONTEXTS);
		}
		finally {
			emulator.get().faults().clear();
		}
	}

	@Test
	void theCloudCommandsNeedNoEmulator() {
		List<String> nothingListens = List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=1");
		Map<String, String> noFile = Map.of("BENTOML_HOME", "/nonexistent-bentoml-home");
		assertThat(lean(nothingListens, noFile, "cloud", "list-context")).isTrue();
		CliRun run = CliRun.of(nothingListens, new HashMap<>(noFile), "cloud", "list-context");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo("[]" + System.lineSeparator());
	}

	@Test
	void sameOutputOnBothPathsWhenTheTokenIsRejected() {
		assertSame(List.of("--bentocloud.api-token=wrong", "--bentocloud.endpoint=" + emulator.get().endpoint()),
				Map.of(), "api-token", "list");
	}

	@Test
	void takesTheSimpleCases() {
		assertThat(lean(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port()), Map.of(),
				"whoami"))
			.isTrue();
		assertThat(lean(
				List.of(), Map.of("BENTO_CLOUD_API_KEY", DEMO_TOKEN, "BENTO_CLOUD_API_ENDPOINT",
						emulator.get().endpoint(), "BENTOCLOUD_DEPLOYMENT_URL", "https://d.example"),
				"deployment", "list"))
			.isTrue();
	}

	@Test
	void handsOverWhatItCannotReadExactlyAsSpringDoes() {
		List<String> port = List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port());
		assertThat(lean(List.of(SPRING_PATH), Map.of(), "whoami")).isFalse();
		assertThat(lean(List.of("--sample.emulator.port=" + emulator.get().port()),
				Map.of("SPRING_PROFILES_ACTIVE", "emulator,other"), "whoami"))
			.isFalse();
		assertThat(lean(List.of("--spring.profiles.active=emulator,other"), Map.of(), "whoami")).isFalse();
		assertThat(lean(port, Map.of("SPRING_CONFIG_LOCATION", "/etc/sample/"), "whoami")).isFalse();
		assertThat(lean(port, Map.of("BENTOCLOUD_RETRY_MAX_RETRIES", "0"), "whoami")).isFalse();
		assertThat(lean(port, Map.of(), "cloud")).isFalse();
		assertThat(lean(port, Map.of(), "cloud", "--help")).isFalse();
		assertThat(lean(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=${PORT}"), Map.of(), "whoami"))
			.isFalse();
		List<String> noEmulator = List.of();
		// No token anywhere: the Spring path's guidance.
		assertThat(lean(noEmulator, Map.of("BENTOML_HOME", "/nonexistent-bentoml-home"), "whoami")).isFalse();
		assertThat(lean(noEmulator, Map.of("BENTO_CLOUD_API_KEY", ""), "whoami")).isFalse();
		// With the profile, an endpoint property the lean path would refuse: the Spring
		// path decides (it uses the emulator and ignores it).
		assertThat(lean(List.of(CliRun.EMULATOR_PROFILE, "--bentocloud.endpoint=http://user:pw@127.0.0.1:1"), Map.of(),
				"whoami"))
			.isFalse();
		// Endpoints the starter's validation refuses: its failure report.
		assertThat(lean(List.of("--bentocloud.api-token=t", "--bentocloud.endpoint=http://user:pw@127.0.0.1:1"),
				Map.of(), "whoami"))
			.isFalse();
		assertThat(lean(List.of("--bentocloud.api-token=t", "--bentocloud.endpoint=http://example.com"), Map.of(),
				"whoami"))
			.isFalse();
	}

	private static boolean lean(List<String> springArgs, Map<String, String> variables, String... commandArgs) {
		StringWriter out = new StringWriter();
		return LeanCli
			.run(springArgs.toArray(String[]::new), commandArgs, variables, new PrintWriter(out),
					new PrintWriter(new StringWriter()))
			.isPresent();
	}

	/**
	 * Each call uses the token, so its last use moves between the two runs (JSON field,
	 * and the tables' seconds-resolution column).
	 */
	private static CliRun withoutLastUse(CliRun run) {
		String lastUse = "\"last_used_at\" : \"[^\"]*\"";
		String tableTime = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
		return new CliRun(run.out().replaceAll(lastUse, "").replaceAll(tableTime, "<time>"), run.err(), run.exitCode());
	}

	/**
	 * As {@link #assertSame(List, Map, String...)} for a command that may change
	 * {@code file}: {@code reset} writes it before each run, and both runs must leave the
	 * same content.
	 * @return the lean run
	 */
	private static CliRun assertSame(List<String> springArgs, Map<String, String> variables, Runnable reset, Path file,
			String... args) {
		Map<String, Object> environment = new HashMap<>(variables);
		reset.run();
		assertThat(lean(springArgs, variables, args)).as("lean path taken").isTrue();
		reset.run();
		CliRun lean = CliRun.of(springArgs, environment, args);
		String afterLean = read(file);
		reset.run();
		List<String> forced = new ArrayList<>(springArgs);
		forced.add(SPRING_PATH);
		CliRun spring = CliRun.of(forced, environment, args);
		assertThat(lean).as("lean\n%s\nspring\n%s", lean, spring).isEqualTo(spring);
		assertThat(afterLean).isEqualTo(read(file));
		assertThat(lean.all()).doesNotContain(DEMO_TOKEN);
		return lean;
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CliRun assertSame(List<String> springArgs, Map<String, String> variables, String... args) {
		Map<String, Object> environment = new HashMap<>(variables);
		environment.putIfAbsent("BENTOML_HOME", "/nonexistent-bentoml-home");
		Map<String, String> leanVariables = new HashMap<>();
		environment.forEach((name, value) -> leanVariables.put(name, value.toString()));
		assertThat(lean(springArgs, leanVariables, args)).as("lean path taken").isTrue();
		CliRun lean = CliRun.of(springArgs, environment, args);
		List<String> forced = new ArrayList<>(springArgs);
		forced.add(SPRING_PATH);
		CliRun spring = CliRun.of(forced, environment, args);
		assertThat(withoutLastUse(lean)).as("lean\n%s\nspring\n%s", lean, spring).isEqualTo(withoutLastUse(spring));
		assertThat(lean.all()).doesNotContain(DEMO_TOKEN);
		return lean;
	}

}
