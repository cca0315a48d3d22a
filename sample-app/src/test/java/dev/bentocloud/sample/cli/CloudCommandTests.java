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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

	// the login command

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
		// Every folder it creates, whatever the umask.
		Path nested = this.dir.resolve("new/nested");
		this.environment.put("BENTOML_HOME", nested.toString());
		assertThat(ok("cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint()).err()).isEmpty();
		for (Path folder : List.of(nested, nested.getParent())) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
				.isEqualTo("rwx------");
		}
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginWarnsAboutATokenFileOthersCanRead() throws IOException {
		Path tokenFile = this.dir.resolve("tok\u001b]0;x\u0007en");
		Files.writeString(tokenFile, TOKEN + "\n");
		Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
		CliRun open = ok("cloud", "login", "--api-token-file", tokenFile.toString(), "--endpoint", emulator.endpoint());
		assertThat(open.out()).contains("Logged in as demo@example.com");
		String shown = tokenFile.toString().replace("\u001b", "\\u001b").replace("\u0007", "\\u0007");
		assertThat(open.err()).isEqualTo("Warning: the token file " + shown
				+ " can be read by other users (rw-r--r--); make it private: chmod 600 '" + shown + "'\n");
		Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
		assertThat(
				ok("cloud", "login", "--api-token-file", tokenFile.toString(), "--endpoint", emulator.endpoint()).err())
			.isEmpty();
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginWarnsAboutACredentialsFolderOthersCanWrite() throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("shared\u001b[2Jbentoml"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
		this.environment.put("BENTOML_HOME", folder.toString());
		CliRun open = ok("cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		String shown = folder.toString().replace("\u001b", "\\u001b");
		assertThat(open.err()).isEqualTo("Warning: the credentials folder " + shown
				+ " can be written by other users (rwxrwxrwx), who could replace the saved credentials; "
				+ "make it private: chmod 700 '" + shown + "'\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(".yatai.yaml"))))
			.isEqualTo("rw-------");
		// Readable by others (BentoML's own default)
		// is not a warning: the file in it is 0600.
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(ok("cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint()).err()).isEmpty();
		// A shared folder such as /tmp (sticky): chmod 700 is not the fix.
		Path shared = Files.createDirectories(this.dir.resolve("tmp"));
		assumeTrue(succeeds("chmod", "1777", shared.toString()), "chmod is not available");
		CliRun sticky = run(List.of("--bentocloud.config-file=" + shared.resolve("yatai.yaml")), "cloud", "login",
				"--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(sticky.exitCode()).as(sticky.toString()).isZero();
		assertThat(sticky.err()).isEqualTo("Warning: the credentials folder " + shared
				+ " is shared with other users (rwxrwxrwx, sticky); keep the credentials in a folder of your own: "
				+ "set bentocloud.config-file to a path in it.\n");
	}

	@Test
	void loginWhereTheCredentialsFolderIsAFileSaysWhatToDo() throws IOException {
		Path bentoml = Files.writeString(this.home.resolve("bentoml"), "not a folder");
		long before = emulator.requestCount("GET", "/api/v1/auth/current");
		CliRun login = run(List.of(), "cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(login.exitCode()).as(login.toString()).isOne();
		assertThat(login.err()).isEqualTo("Error: [cloud] `login` failed: Cannot write " + this.file + ": " + bentoml
				+ " is not a directory. Set BENTOML_HOME to a writable folder. Nothing was saved.\n");
		this.environment.put("BENTOML_HOME", bentoml.resolve("sub").toString());
		CliRun below = run(List.of(), "cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(below.exitCode()).as(below.toString()).isOne();
		assertThat(below.err())
			.isEqualTo("Error: [cloud] `login` failed: Cannot write " + bentoml.resolve("sub/.yatai.yaml") + ": "
					+ bentoml + " is not a directory. Set BENTOML_HOME to a writable folder. Nothing was saved.\n");
		CliRun configFile = run(List.of("--bentocloud.config-file=" + bentoml.resolve("yatai.yaml")), "cloud", "login",
				"--api-token", TOKEN, "--endpoint", emulator.endpoint());
		assertThat(configFile.exitCode()).as(configFile.toString()).isOne();
		assertThat(configFile.err())
			.isEqualTo("Error: [cloud] `login` failed: Cannot write " + bentoml.resolve("yatai.yaml") + ": " + bentoml
					+ " is not a directory. Set bentocloud.config-file to a writable path. Nothing was saved.\n");
		assertThat(emulator.requestCount("GET", "/api/v1/auth/current")).as("no network call").isEqualTo(before);
		assertThat(Files.readString(bentoml)).isEqualTo("not a folder");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginIntoAFolderThatCannotBeWrittenSaysWhatToDo() throws Exception {
		// Root ignores permission bits; an immutable folder (chattr +i) stops root too.
		Path bentoml = Files.createDirectories(this.file.getParent());
		immutable(bentoml, () -> {
			long before = emulator.requestCount("GET", "/api/v1/auth/current");
			CliRun login = run(List.of(), "cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
			assertThat(login.exitCode()).as(login.toString()).isOne();
			assertThat(login.err())
				.isEqualTo("Error: [cloud] `login` failed: Cannot write " + this.file + ": permission denied ("
						+ bentoml + "). Set BENTOML_HOME to a writable folder. Nothing was saved.\n");
			assertThat(emulator.requestCount("GET", "/api/v1/auth/current")).as("no network call").isEqualTo(before);
		});
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginOverACredentialsFileThatCannotBeReplacedSaysWhatToDo() throws Exception {
		writeFile(PYTHON_FILE);
		immutable(this.file, () -> {
			CliRun login = run(List.of(), "cloud", "login", "--api-token", TOKEN, "--endpoint", emulator.endpoint());
			assertThat(login.exitCode()).as(login.toString()).isOne();
			assertThat(login.err())
				.isEqualTo("Error: [cloud] `login` failed: Cannot write " + this.file + ": operation not permitted ("
						+ this.file + "). Set BENTOML_HOME to a writable folder. Nothing was saved.\n");
		});
		assertThat(Files.readString(this.file)).isEqualTo(PYTHON_FILE);
		assertThat(folderContent()).containsExactly(".yatai.yaml", ".yatai.yaml.lock");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loginWithoutWritePermissionSaysWhatToDo() throws Exception {
		// A real "permission denied" (EACCES): a folder the user may not write. Root
		// ignores permission bits, so as root the CLI runs without CAP_DAC_OVERRIDE.
		Path bentoml = Files.createDirectories(this.file.getParent());
		Files.setPosixFilePermissions(bentoml, PosixFilePermissions.fromString("r-x------"));
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			assumeTrue(succeeds("setpriv", "--bounding-set=-dac_override,-dac_read_search", "true"),
					"setpriv cannot drop CAP_DAC_OVERRIDE here");
			command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
		}
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				SampleApplication.class.getName(), "cloud", "login", "--api-token", TOKEN, "--endpoint",
				emulator.endpoint()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((key) -> key.startsWith("BENTO"));
		builder.environment().put("HOME", this.home.toString());
		Process login = builder.start();
		String output = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(login.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
		assertThat(login.exitValue()).as(output).isOne();
		assertThat(output).isEqualTo("Error: [cloud] `login` failed: Cannot write " + this.file
				+ ": permission denied (" + bentoml + "). Set BENTOML_HOME to a writable folder. Nothing was saved.\n");
		Files.setPosixFilePermissions(bentoml, PosixFilePermissions.fromString("rwx------"));
		assertThat(this.file).doesNotExist();
	}

	@Test
	void concurrentLoginsFromThreeProcessesLoseNoContext() throws Exception {
		// Separate JVMs, as two terminals would be: the file lock must
		// hold across processes (and Spring Boot's logging set-up is
		// JVM-global, so concurrent runs in one JVM would race on it).
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<Process> logins = new ArrayList<>();
		for (String name : List.of("one", "two", "three")) {
			ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
					SampleApplication.class.getName(), "cloud", "login", "--context", name, "--api-token", TOKEN,
					"--endpoint", emulator.endpoint())
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

	// the current-context command

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

	/**
	 * Runs the body while the path is immutable ({@code chattr +i}), which stops root as
	 * well; aborts the test where chattr is missing or the file system has no such flag.
	 */
	private static void immutable(Path path, ThrowingBody body) throws Exception {
		assumeTrue(succeeds("chattr", "+i", path.toString()), "chattr +i is not available here");
		try {
			body.run();
		}
		finally {
			if (!succeeds("chattr", "-i", path.toString())) {
				throw new IllegalStateException("could not undo chattr +i " + path);
			}
		}
	}

	private static boolean succeeds(String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@FunctionalInterface
	private interface ThrowingBody {

		void run() throws Exception;

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
