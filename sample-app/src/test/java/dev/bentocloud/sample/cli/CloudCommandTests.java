package dev.bentocloud.sample.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.sample.SampleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cloud} commands end to end: a simulated OS environment ({@code HOME} in a
 * temporary folder, so the file is {@code ~/bentoml/.yatai.yaml} as for BentoML), the
 * real emulator, and the starter reading what {@code cloud login} wrote.
 */
class CloudCommandTests {

	private static final String TOKEN = "emu_cloud-SECRET-demo-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	/**
	 * A file as BentoML's Python client writes it, plus keys it ignores (another tool's).
	 */
	private static final String PYTHON_FILE = """
			contexts:
			- api_token: tok-SECRET-default
			  email: null
			  endpoint: https://cloud.bentoml.com
			  name: default
			  team: ml-platform
			- api_token: tok-SECRET-prod
			  email: dev@example.com
			  endpoint: https://prod.cloud.bentoml.com
			  name: prod
			current_context_name: prod
			future_option:
			  note: kept as is
			""";

	private static BentoCloudEmulator emulator;

	@TempDir
	Path dir;

	private Path home;

	private Path file;

	private final Map<String, Object> environment = new LinkedHashMap<>();

	/** Runs whose output must not contain a token (all but current-context). */
	private final List<CliRun> tokenFree = new ArrayList<>();

	@BeforeAll
	static void startEmulator() {
		emulator = BentoCloudEmulator.builder().seedDemoData(true).demoToken(TOKEN).start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void setUp() throws IOException {
		this.home = Files.createDirectories(this.dir.resolve("home"));
		this.file = this.home.resolve("bentoml/.yatai.yaml");
		this.environment.put("HOME", this.home.toString());
		this.environment.put("LANG", "C.UTF-8");
		emulator.faults().clear();
	}

	@AfterEach
	void noTokenInOutput() {
		for (CliRun run : this.tokenFree) {
			assertThat(run.all()).as(run.toString()).doesNotContain(TOKEN).doesNotContain("SECRET");
		}
	}

	// login

	@Test
	void loginThenWhoamiThroughTheStartersPropertySource() throws IOException {
		CliRun login = ok("cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(login.out()).isEqualTo("""
				Configured BentoCloud credentials (current-context: default)
				Logged in as demo@example.com at acme organization
				""");
		assertThat(Files.readString(this.file)).isEqualTo("""
				contexts:
				- api_token: %s
				  email: demo@example.com
				  endpoint: %s
				  name: default
				current_context_name: default
				""".formatted(TOKEN, emulator.endpoint()));
		CliRun whoami = run(List.of(), "whoami", "-o", "json");
		assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
		Map<String, Object> result = JSON.readValue(whoami.out(), OBJECT);
		assertThat(result).containsEntry("endpoint", emulator.endpoint())
			.containsEntry("credentials_source", "file:" + this.file + "#default");
	}

	@Test
	void loginTakesTokenAndEndpointFromBentoMlsVariables() throws IOException {
		this.environment.put("BENTO_CLOUD_API_KEY", TOKEN);
		this.environment.put("BENTO_CLOUD_API_ENDPOINT", emulator.endpoint());
		assertThat(ok("cloud", "login", "--context", "from-env").out())
			.contains("Configured BentoCloud credentials (current-context: from-env)");
		assertThat(Files.readString(this.file)).contains("  endpoint: " + emulator.endpoint() + "\n  name: from-env\n",
				"current_context_name: from-env");
	}

	@Test
	void loginKeepsEverythingElseOfAPythonFileAndDoesNotSwitch() throws IOException {
		writeFile(PYTHON_FILE);
		CliRun login = ok("cloud", "login", "--context", "default", "--api-token", TOKEN, "--endpoint",
				emulator.endpoint());
		assertThat(login.out()).startsWith("Configured BentoCloud credentials (context: default; current-context "
				+ "stays prod, switch with `cloud update-current-context default`)\n");
		assertThat(Files.readString(this.file)).isEqualTo(PYTHON_FILE.replace("""
				- api_token: tok-SECRET-default
				  email: null
				  endpoint: https://cloud.bentoml.com
				""", """
				- api_token: %s
				  email: demo@example.com
				  endpoint: %s
				""".formatted(TOKEN, emulator.endpoint())));
	}

	@Test
	void loginWithoutContextReplacesTheCurrentOne() throws IOException {
		writeFile(PYTHON_FILE);
		ok("cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(Files.readString(this.file))
			.contains("- api_token: tok-SECRET-default\n", "- api_token: " + TOKEN + "\n  email: demo@example.com\n")
			.doesNotContain("tok-SECRET-prod");
	}

	@Test
	void failedLoginLeavesTheFileByteIdenticalAndShowsNoToken() throws IOException {
		writeFile(PYTHON_FILE);
		byte[] before = Files.readAllBytes(this.file);
		String wrong = "wrong-SECRET-token";
		CliRun login = run(List.of(), "cloud", "login", "--api-token", wrong, "--endpoint", emulator.endpoint());
		assertThat(login.exitCode()).isOne();
		assertThat(login.out()).isEmpty();
		assertThat(login.err())
			.startsWith("Error validating token: HTTP 401: Bad credentials. " + emulator.endpoint()
					+ " rejected the API token")
			.contains("Nothing was saved.")
			.doesNotContain(wrong);
		String revoked = emulator.createUserWithToken("bob", "bob@example.com");
		emulator.revokeToken(revoked);
		CliRun revokedLogin = run(List.of(), "cloud", "login", "--context", "bob", "--api-token", revoked, "--endpoint",
				emulator.endpoint());
		assertThat(revokedLogin.exitCode()).isOne();
		assertThat(revokedLogin.all()).contains("Bad credentials").doesNotContain(revoked);
		assertThat(Files.readAllBytes(this.file)).isEqualTo(before);
		assertThat(folderContent()).containsExactly(".yatai.yaml");
	}

	@Test
	void missingUserOrOrganizationIsAClearFailureAndWritesNothing() throws IOException {
		emulator.faults().on("GET", "/api/v1/auth/current").respond(404);
		CliRun noUser = run(List.of(), "cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(noUser.exitCode()).isOne();
		assertThat(noUser.err()).isEqualTo("Error: [cloud] `login` failed: The current user is not found\n");
		emulator.faults().clear();
		emulator.faults().on("GET", "/api/v1/current_org").respond(404);
		CliRun noOrg = run(List.of(), "cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(noOrg.exitCode()).isOne();
		assertThat(noOrg.err()).isEqualTo("Error: [cloud] `login` failed: The current organization is not found\n");
		assertThat(this.home.resolve("bentoml")).doesNotExist();
	}

	@Test
	void loginWithoutATokenSaysHowToGiveOne() {
		CliRun login = run(List.of(), "cloud", "login");
		assertThat(login.exitCode()).isOne();
		assertThat(login.err()).contains(
				"No API token given. Pass --api-token-stdin, --api-token-file PATH or --api-token TOKEN, or set BENTO_CLOUD_API_KEY",
				"https://cloud.bentoml.com/api_tokens");
		assertThat(this.home.resolve("bentoml")).doesNotExist();
	}

	@Test
	void aTokenGivenWithoutTheOptionIsNotEchoed() {
		CliRun login = run(List.of(), "cloud", "login", "stray-SECRET-token");
		assertThat(login.exitCode()).isOne();
		assertThat(login.err())
			.contains("pass the token with --api-token-stdin, --api-token-file PATH or --api-token TOKEN");
		assertThat(this.home.resolve("bentoml")).doesNotExist();
	}

	@Test
	void loginNeverSavesTheEnvironmentContext() {
		CliRun login = run(List.of(), "cloud", "login", "--context", "__env__", "--api-token", TOKEN, "--endpoint",
				emulator.endpoint());
		assertThat(login.exitCode()).isOne();
		assertThat(login.err()).contains("__env__ is reserved for BENTO_CLOUD_API_KEY");
		assertThat(this.file).doesNotExist();
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginCreatesAPrivateFileInAPrivateFolder() throws IOException {
		ok("cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.file.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void concurrentLoginsFromThreeProcessesLoseNoContext() throws Exception {
		// Separate JVMs, as two terminals would be: the file lock must hold across
		// processes (and
		// Spring Boot's logging set-up is JVM-global, so concurrent runs in one JVM would
		// race on it).
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<Process> logins = new ArrayList<>();
		for (String name : List.of("one", "two", "three")) {
			ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, SampleApplication.class.getName(),
					"cloud", "login", "--context", name, "--api-token", TOKEN, "--endpoint", emulator.endpoint())
				.redirectErrorStream(true);
			builder.environment().keySet().removeIf((key) -> key.startsWith("BENTO"));
			builder.environment().put("HOME", this.home.toString());
			logins.add(builder.start());
		}
		for (Process login : logins) {
			String output = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(login.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
			assertThat(login.exitValue()).as(output).isZero();
			assertThat(output).contains("Logged in as demo@example.com").doesNotContain(TOKEN);
		}
		List<String> names = JSON.readValue(ok("cloud", "list-context").out(), new TypeReference<List<String>>() {
		});
		assertThat(names).containsExactlyInAnyOrder("one", "two", "three");
	}

	// current-context

	@Test
	void currentContextPrintsWhatBentoMlPrints() throws IOException {
		writeFile(PYTHON_FILE);
		CliRun run = run(List.of(), "cloud", "current-context");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		Map<String, Object> context = JSON.readValue(run.out(), OBJECT);
		assertThat(context).containsExactly(Map.entry("name", "prod"),
				Map.entry("endpoint", "https://prod.cloud.bentoml.com"), Map.entry("api_token", "tok-SECRET-prod"),
				Map.entry("email", "dev@example.com"));
		// As Python's json.dumps(indent=2) lays it out.
		assertThat(run.out()).isEqualTo("""
				{
				  "name": "prod",
				  "endpoint": "https://prod.cloud.bentoml.com",
				  "api_token": "tok-SECRET-prod",
				  "email": "dev@example.com"
				}
				""");
		assertThat(run.err()).isEmpty();
		CliRun yaml = run(List.of(), "cloud", "current-context", "-o", "yaml");
		assertThat(yaml.out()).contains("name: prod", "api_token: tok-SECRET-prod");
	}

	@Test
	void currentContextHonoursBentoCloudApiKeyAsEnv() throws IOException {
		writeFile(PYTHON_FILE);
		this.environment.put("BENTO_CLOUD_API_KEY", "env-SECRET-token");
		Map<String, Object> context = JSON.readValue(run(List.of(), "cloud", "current-context").out(), OBJECT);
		assertThat(context).containsEntry("name", "__env__")
			.containsEntry("endpoint", "https://cloud.bentoml.com")
			.containsEntry("api_token", "env-SECRET-token")
			.containsEntry("email", null);
		this.environment.put("BENTO_CLOUD_API_ENDPOINT", "https://env.cloud.bentoml.com");
		assertThat(JSON.readValue(run(List.of(), "cloud", "current-context").out(), OBJECT)).containsEntry("endpoint",
				"https://env.cloud.bentoml.com");
	}

	@Test
	void currentContextWithoutFileOrContextFails() throws IOException {
		CliRun none = run(List.of(), "cloud", "current-context");
		assertThat(none.exitCode()).isOne();
		assertThat(none.err()).startsWith("Error: [cloud] `current-context` failed: No cloud context default found. "
				+ "There are no contexts in " + this.file);
		assertThat(this.file).doesNotExist();
	}

	// list-context and update-current-context

	@Test
	void listContextPrintsTheNamesAsAJsonArray() throws IOException {
		assertThat(ok("cloud", "list-context").out()).isEqualTo("[]\n");
		assertThat(this.file).doesNotExist();
		writeFile(PYTHON_FILE);
		this.environment.put("BENTO_CLOUD_API_KEY", "env-SECRET-token");
		List<String> names = JSON.readValue(ok("cloud", "list-context").out(), new TypeReference<List<String>>() {
		});
		assertThat(names).containsExactly("default", "prod");
		assertThat(ok("cloud", "list-context").out()).isEqualTo("[\n  \"default\",\n  \"prod\"\n]\n");
	}

	@Test
	void updateCurrentContextSwitchesAndKeepsTheRest() throws IOException {
		writeFile(PYTHON_FILE);
		assertThat(ok("cloud", "update-current-context", "default").out())
			.isEqualTo("Successfully switched to context: default\n");
		assertThat(Files.readString(this.file))
			.isEqualTo(PYTHON_FILE.replace("current_context_name: prod", "current_context_name: default"));
	}

	@Test
	void updateCurrentContextToAnUnknownNameListsTheContextsAndWritesNothing() throws IOException {
		writeFile(PYTHON_FILE);
		byte[] before = Files.readAllBytes(this.file);
		CliRun run = run(List.of(), "cloud", "update-current-context", "nope");
		assertThat(run.exitCode()).isOne();
		assertThat(run.err()).isEqualTo("Error: [cloud] `update-current-context` failed: No cloud context nope found. "
				+ "Contexts in " + this.file + ": default, prod. Run `cloud login --api-token TOKEN --context nope` "
				+ "to create it, or `cloud update-current-context NAME` to use another.\n");
		assertThat(Files.readAllBytes(this.file)).isEqualTo(before);
		assertThat(folderContent()).containsExactly(".yatai.yaml");
	}

	@Test
	void updateCurrentContextWithBentoCloudApiKeySetNeverWritesEnv() throws IOException {
		writeFile(PYTHON_FILE);
		this.environment.put("BENTO_CLOUD_API_KEY", "env-SECRET-token");
		CliRun run = run(List.of(), "cloud", "update-current-context", "default");
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).contains("BENTO_CLOUD_API_KEY is set, and wins over the file");
		assertThat(Files.readString(this.file)).contains("current_context_name: default").doesNotContain("__env__");
		assertThat(run(List.of(), "cloud", "update-current-context", "__env__").exitCode()).isOne();
		assertThat(Files.readString(this.file)).doesNotContain("__env__");
	}

	@Test
	void cloudCommandsRepairAFileTheStarterCannotStartWith() throws IOException {
		writeFile(PYTHON_FILE.replace("current_context_name: prod", "current_context_name: gone"));
		CliRun whoami = run(List.of(), "whoami");
		assertThat(whoami.exitCode()).isNotZero();
		assertThat(whoami.err()).contains("gone");
		assertThat(ok("cloud", "list-context").out()).contains("default", "prod");
		ok("cloud", "login", "--context", "local", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(Files.readString(this.file)).contains("current_context_name: local");
		CliRun fixed = run(List.of(), "whoami", "-o", "json");
		assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
		assertThat(fixed.out()).contains("file:" + this.file + "#local");
	}

	private CliRun ok(String... args) {
		CliRun run = run(List.of(), args);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		return run;
	}

	private CliRun run(List<String> springArgs, String... args) {
		CliRun run = CliRun.of(springArgs, Map.copyOf(this.environment), args);
		if (!List.of(args).contains("current-context")) {
			this.tokenFree.add(run);
		}
		return run;
	}

	private void writeFile(String content) throws IOException {
		Files.createDirectories(this.file.getParent());
		Files.writeString(this.file, content, StandardCharsets.UTF_8);
	}

	private List<String> folderContent() throws IOException {
		try (var files = Files.list(this.file.getParent())) {
			return files.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
