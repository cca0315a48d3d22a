package dev.bentocloud.sample.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.sample.emulator.EmbeddedEmulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CLI end to end: each command and output mode against a running emulator, which
 * plays the web app's shared emulator (with profile {@code emulator}, the CLI finds it
 * listening on {@code sample.emulator.port}).
 */
class SampleCliTests {

	private static final String DEMO_TOKEN = EmbeddedEmulatorConfiguration.DEMO_TOKEN;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(true).demoToken(DEMO_TOKEN));

	private CliRun last;

	@AfterEach
	void noSecretInOutput() {
		if (this.last != null) {
			assertThat(this.last.all()).doesNotContain(DEMO_TOKEN);
		}
	}

	private CliRun cli(String... args) {
		this.last = CliRun.of(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=" + emulator.get().port()),
				args);
		return this.last;
	}

	private CliRun ok(String... args) {
		CliRun run = cli(args);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.err()).as(run.toString()).isEmpty();
		return run;
	}

	@Test
	void whoamiShowsUserAndOrganization() {
		CliRun run = ok("whoami");
		assertThat(run.out()).contains("Demo User (demo)", "demo@example.com", "acme", emulator.get().endpoint());
	}

	@Test
	void whoamiAsJson() {
		Map<String, Object> whoami = JSON.readValue(ok("whoami", "-o", "json").out(), OBJECT);
		assertThat(whoami).containsEntry("endpoint", emulator.get().endpoint());
		assertThat(whoami.get("user")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("email", "demo@example.com");
	}

	@Test
	void apiTokenListTable() {
		List<String> lines = ok("api-token", "list").out().lines().toList();
		assertThat(lines.get(0).split("\\s{2,}")).containsExactly("Name", "UID", "Created_At", "Expired_At",
				"Last_Used_At", "Scopes");
		assertThat(lines.get(1)).matches("[- ]+");
		String ci = lines.stream().filter((line) -> line.startsWith("ci ")).findFirst().orElseThrow();
		assertThat(ci).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d").contains("Never").endsWith("api");
		String readOnly = lines.stream().filter((line) -> line.startsWith("read-only ")).findFirst().orElseThrow();
		assertThat(readOnly).endsWith("read_organization, read_cluster");
	}

	@Test
	void apiTokenListJsonAndYamlParse() {
		List<Map<String, Object>> json = JSON.readValue(ok("api-token", "list", "-o", "json").out(), LIST);
		List<Map<String, Object>> yaml = YAML.readValue(ok("api-token", "list", "--output", "YAML").out(), LIST);
		assertThat(json).extracting((token) -> token.get("name")).contains("demo", "ci", "read-only");
		assertThat(yaml).extracting((token) -> token.get("uid"))
			.containsExactlyElementsOf(json.stream().map((token) -> token.get("uid")).toList());
		assertThat(json).allSatisfy((token) -> assertThat(token)
			.containsKeys("uid", "created_at", "name", "description", "scopes", "user", "organization", "created_by")
			.doesNotContainKeys("token", "expired_at", "is_expired", "is_api_token"));
	}

	@Test
	void apiTokenListSearch() {
		List<Map<String, Object>> found = JSON
			.readValue(ok("api-token", "list", "--search", "read", "-o", "json").out(), LIST);
		assertThat(found).extracting((token) -> token.get("name")).containsExactly("read-only");
	}

	@Test
	void apiTokenCreateShowsTheTokenOnceThenGetAndDelete() {
		CliRun created = ok("api-token", "create", "cli-test", "-d", "Made by a test", "-s", "api", "--scope",
				"read_cluster", "--expires", "2030-01-31");
		String token = created.out()
			.lines()
			.filter((line) -> line.startsWith("| "))
			.findFirst()
			.orElseThrow()
			.replaceAll("[| ]", "");
		assertThat(token).startsWith("emu_");
		assertThat(created.out()).contains(ApiTokenCreateCommand.SAVE_NOTICE, "Token cli-test created successfully",
				"  Description: Made by a test", "  Expires: 2030-01-31 00:00:00");
		assertThat(occurrences(created.out(), token)).isOne();
		String uid = created.out()
			.lines()
			.filter((line) -> line.startsWith("  UID: "))
			.findFirst()
			.orElseThrow()
			.substring("  UID: ".length());

		CliRun got = ok("api-token", "get", uid);
		assertThat(got.out().lines().toList()).anyMatch((line) -> line.matches("Name\\s+cli-test"))
			.anyMatch((line) -> line.matches("Description\\s+Made by a test"))
			.anyMatch((line) -> line.matches("Expired At\\s+2030-01-31 00:00:00"))
			.anyMatch((line) -> line.matches("Last Used At\\s+Never"))
			.anyMatch((line) -> line.matches("Is Expired\\s+False"))
			.anyMatch((line) -> line.matches("Scopes\\s+api, read_cluster"))
			.anyMatch((line) -> line.matches("Created By\\s+demo"));
		assertThat(got.out()).doesNotContain(token);
		Map<String, Object> asYaml = YAML.readValue(ok("api-token", "get", uid, "-o", "yaml").out(), OBJECT);
		assertThat(asYaml).containsEntry("uid", uid).containsEntry("name", "cli-test").doesNotContainKey("token");

		assertThat(ok("api-token", "delete", uid).out()).isEqualTo("API token " + uid + " deleted successfully\n");
		CliRun gone = cli("api-token", "get", uid);
		assertThat(gone.exitCode()).isOne();
		assertThat(gone.out()).isEmpty();
		assertThat(gone.err())
			.isEqualTo("Error: [api-token] `get` failed: API token with UID '" + uid + "' not found\n");
	}

	@Test
	void apiTokenCreateJsonKeepsStdoutPure() {
		CliRun created = ok2("api-token", "create", "json-bot", "-o", "json", "--expires", "30d");
		Map<String, Object> token = JSON.readValue(created.out(), OBJECT);
		assertThat(token).containsEntry("name", "json-bot").containsKeys("uid", "expired_at", "token");
		String secret = (String) token.get("token");
		assertThat(occurrences(created.out(), secret)).isOne();
		assertThat(created.err()).contains(ApiTokenCreateCommand.SAVE_NOTICE).doesNotContain(secret);
	}

	@Test
	void apiTokenCreateYamlKeepsStdoutPure() {
		CliRun created = ok2("api-token", "create", "yaml-bot", "-o", "yaml");
		Map<String, Object> token = YAML.readValue(created.out(), OBJECT);
		assertThat(token).containsEntry("name", "yaml-bot").containsKey("token").doesNotContainKey("expired_at");
		assertThat(created.err()).doesNotContain((String) token.get("token"));
	}

	/** Exit 0 with the save-it notice, and nothing else, on stderr. */
	private CliRun ok2(String... args) {
		CliRun run = cli(args);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.err().lines()).as(run.toString()).hasSize(1);
		return run;
	}

	@Test
	void apiTokenDeleteUnknown() {
		CliRun run = cli("api-token", "delete", "no-such-uid");
		assertThat(run.exitCode()).isOne();
		assertThat(run.err()).isEqualTo("Error: [api-token] `delete` failed: API token not found\n");
	}

	@Test
	void deploymentListTable() {
		List<String> lines = ok("deployment", "list").out().lines().toList();
		assertThat(lines.get(0).split("\\s{2,}")).containsExactly("Deployment", "created_at", "Bento", "Status",
				"Region");
		assertThat(lines).anyMatch((line) -> line
			.matches("demo-iris\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+iris:abc123\\s+running\\s+default"));
	}

	@Test
	void deploymentListJsonAndYamlParse() {
		List<Map<String, Object>> json = JSON.readValue(ok("deployment", "list", "-o", "json").out(), LIST);
		List<Map<String, Object>> yaml = YAML.readValue(ok("deployment", "list", "-o", "yaml").out(), LIST);
		assertThat(json).extracting((deployment) -> deployment.get("name")).contains("demo-iris");
		assertThat(yaml).isEqualTo(json);
	}

	@Test
	void deploymentGetDefaultsToYaml() {
		Map<String, Object> deployment = YAML.readValue(ok("deployment", "get", "demo-iris").out(), OBJECT);
		assertThat(deployment).containsEntry("name", "demo-iris")
			.containsEntry("bento", "iris:abc123")
			.containsEntry("cluster", "default")
			.containsEntry("admin_console", emulator.get().endpoint() + "/deployments/demo-iris")
			.containsEntry("created_by", "demo")
			.containsEntry("endpoint_urls", List.of(emulator.get().deploymentUrl("demo-iris")));
		assertThat(deployment.get("status")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("status", "running");
		Map<String, Object> json = JSON.readValue(ok("deployment", "get", "demo-iris", "-o", "json").out(), OBJECT);
		assertThat(json).isEqualTo(deployment);
	}

	@Test
	void deploymentGetUnknown() {
		CliRun run = cli("deployment", "get", "no-such-deployment");
		assertThat(run.exitCode()).as(run.toString()).isOne();
		assertThat(run.err()).startsWith("Error: [deployment] `get` failed: ").contains("no-such-deployment");
		assertThat(run.err().lines()).hasSize(1);
	}

	@Test
	void rejectedTokenExitsWithOneAndLoginGuidanceWithoutTheToken() {
		String token = emulator.get().createUserWithToken("eve", "eve@example.com");
		emulator.get().revokeToken(token);
		this.last = CliRun.of(
				List.of("--bentocloud.endpoint=" + emulator.get().endpoint(), "--bentocloud.api-token=" + token),
				"api-token", "list");
		assertThat(this.last.exitCode()).as(this.last.toString()).isOne();
		assertThat(this.last.out()).isEmpty();
		assertThat(this.last.err()).startsWith("Error: [api-token] `list` failed: ")
			.contains("401", "bentoml cloud login")
			.doesNotContain(token);
		assertThat(this.last.err().lines()).hasSize(1);
	}

	@Test
	void missingCredentialsExitWithOneAndSayHowToLogIn(@TempDir Path home) {
		assumeTrue(System.getenv("BENTO_CLOUD_API_KEY") == null, "BENTO_CLOUD_API_KEY is set");
		this.last = CliRun.of(List.of("--bentocloud.config-file=" + home.resolve(".yatai.yaml")), "api-token", "list");
		assertThat(this.last.exitCode()).as(this.last.toString()).isOne();
		assertThat(this.last.out()).isEmpty();
		assertThat(this.last.err())
			.startsWith("Error: [api-token] `list` failed: No BentoCloud API token is configured. Looked in: ")
			.contains("credentials file " + home.resolve(".yatai.yaml") + ": not found", "bentoml cloud login",
					"BENTO_CLOUD_API_KEY");
		assertThat(this.last.err().lines()).hasSize(1);
	}

	@Test
	void badExpiresIsAUsageError() {
		CliRun run = cli("api-token", "create", "x", "--expires", "soon");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err())
			.contains("Invalid expiration format: soon. Use duration (e.g., '30d', '1w', '24h') "
					+ "or date (e.g., '2024-12-31').")
			.contains("Usage: sample-app api-token create");
		assertThat(emulator.get().requests()).noneMatch((request) -> request.path().equals("/api/v1/api_tokens")
				&& request.method().equals("POST") && request.body().contains("\"x\""));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "api-token list --bogus", "api-token", "api-token list -o xml", "nonsense", "deployment get" })
	void usageErrorsExitWithTwo(String commandLine) {
		CliRun run = cli(commandLine.split(" "));
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).containsAnyOf("Usage: sample-app", "Did you mean").doesNotContain("\tat ");
	}

	@Test
	void helpListsTheCommandGroups() {
		CliRun run = ok("--help");
		assertThat(run.out()).contains("Usage: sample-app", "whoami", "api-token", "deployment");
	}

	@Test
	void startsItsOwnEmulatorWhenNoneIsListening() {
		this.last = CliRun.of(List.of(CliRun.EMULATOR_PROFILE, "--sample.emulator.port=0"), "deployment", "list", "-o",
				"json");
		assertThat(this.last.exitCode()).as(this.last.toString()).isZero();
		assertThat(JSON.readValue(this.last.out(), LIST)).extracting((deployment) -> deployment.get("name"))
			.containsExactly("demo-iris");
	}

	private static int occurrences(String text, String part) {
		return (text.length() - text.replace(part, "").length()) / part.length();
	}

}
