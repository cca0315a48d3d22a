package dev.bentocloud.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The emulator's command line: seed files (YAML, JSON), the token option and variable,
 * and its errors.
 */
class EmulatorSeedTests {

	private static final String YAML = """
			token: emu-demo-token
			demoData: false
			tokens:
			  - name: ci-pipeline
			    value: emu-ci-token
			    description: Used by CI
			    scopes: [api, read_cluster]
			users:
			  - name: alice
			    email: alice@example.com
			    token: emu-alice-token
			deployments:
			  - name: iris
			    bento: iris:abc123
			    accessAuthorization: true
			""";

	@TempDir
	Path dir;

	@Test
	void yamlSeedFromTheCommandLineAddsTokensUsersAndDeployments() throws Exception {
		Path file = Files.writeString(this.dir.resolve("seed.yaml"), YAML);
		BentoCloudEmulatorMain.Options options = BentoCloudEmulatorMain.Options
			.parse(new String[] { "--seed", file.toString(), "--port=0" });
		try (BentoCloudEmulator emulator = BentoCloudEmulatorMain.builder(options).start()) {
			assertThat(emulator.apiToken()).isEqualTo("emu-demo-token");
			Http http = new Http(emulator.endpoint(), "emu-ci-token");
			assertThat(http.getJson("/api/v1/auth/current").get("name").stringValue()).isEqualTo("demo");
			assertThat(http.withToken("emu-alice-token").getJson("/api/v1/auth/current").get("email").stringValue())
				.isEqualTo("alice@example.com");
			assertThat(emulator.deploymentStatus("iris")).isEqualTo("running");
			assertThat(http.get("/api/v2/deployments/demo-iris?cluster=default").statusCode()).isEqualTo(404);
			emulator.revokeToken("emu-alice-token");
			emulator.reset();
			assertThat(http.withToken("emu-alice-token").get("/api/v1/auth/current").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void jsonSeedAndTheTokenOptionWinsOverTheSeedsToken() throws Exception {
		Path file = Files.writeString(this.dir.resolve("seed.json"), """
				{"token": "from-file", "deployments": [{"name": "iris", "bento": "iris:v1"}]}
				""");
		BentoCloudEmulatorMain.Options options = BentoCloudEmulatorMain.Options
			.parse(new String[] { "--seed", file.toString(), "--token", "from-option" });
		try (BentoCloudEmulator emulator = BentoCloudEmulatorMain.builder(options).start()) {
			assertThat(emulator.apiToken()).isEqualTo("from-option");
			assertThat(emulator.deploymentStatus("iris")).isEqualTo("running");
			assertThat(emulator.deploymentStatus("demo-iris")).as("demo data by default").isEqualTo("running");
		}
	}

	@Test
	void theTokenVariableSetsTheTokenUnlessTheOptionDoes() {
		Map<String, String> environment = Map.of(BentoCloudEmulatorMain.TOKEN_VARIABLE, "from-env");
		assertThat(BentoCloudEmulatorMain.Options.parse(new String[0], environment).token()).isEqualTo("from-env");
		assertThat(BentoCloudEmulatorMain.Options.parse(new String[] { "--token", "from-option" }, environment).token())
			.isEqualTo("from-option");
		assertThat(
				BentoCloudEmulatorMain.Options.parse(new String[0], Map.of(BentoCloudEmulatorMain.TOKEN_VARIABLE, " "))
					.token())
			.isNull();
	}

	@Test
	void mistakesInTheSeedAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorSeed.parse("tokns: []"))
			.withMessageContaining("unknown key 'tokns'");
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorSeed.parse("users: [{name: bob}]"))
			.withMessageContaining("'email' is missing");
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorSeed.parse("tokens: [{name: a, scopes: api}]"))
			.withMessageContaining("scopes");
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorSeed.parse("{ not: [closed"))
			.withMessageContaining("not valid YAML or JSON");
	}

	@Test
	void optionsAreCheckedAndTheTokenIsNotPrinted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BentoCloudEmulatorMain.Options.parse(new String[] { "--port", "70000" }))
			.withMessageContaining("--port must be a number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BentoCloudEmulatorMain.Options.parse(new String[] { "--token" }))
			.withMessageContaining("--token needs a value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BentoCloudEmulatorMain.Options.parse(new String[] { "--verbose" }))
			.withMessageContaining("Unknown argument");
		assertThat(BentoCloudEmulatorMain.Options.parse(new String[] { "--token", "secret-x", "--host", "0.0.0.0" }))
			.hasToString("Options[port=0, host=0.0.0.0, token=(set), seedFile=null]");
	}

}
