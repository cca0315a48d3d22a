package dev.bentocloud.spring.credentials;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the precedence table, and mixes of layers, on a real Spring Boot startup.
 * The OS environment is simulated here (see {@link CredentialsTestApplication}); the real
 * one is covered by {@link BentoCloudCredentialsChildJvmTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BentoCloudCredentialsPrecedenceTests {

	static final String PYTHON_FILE = """
			contexts:
			- api_token: file-SECRET-default
			  email: null
			  endpoint: https://default-org.cloud.bentoml.com
			  name: default
			- api_token: file-SECRET-prod
			  email: dev@example.com
			  endpoint: https://prod-org.cloud.bentoml.com
			  name: prod
			current_context_name: default
			""";

	@TempDir
	Path dir;

	private CredentialsTestApplication app;

	private CapturedOutput output;

	@BeforeEach
	void setUp(CapturedOutput output) {
		this.app = new CredentialsTestApplication(this.dir);
		this.output = output;
	}

	@AfterEach
	void noTokenInOutput() {
		assertThat(this.output.getAll()).doesNotContain("SECRET");
	}

	// Layer 1: Spring's own sources above config files

	@Test
	void commandLineWinsOverEverything() {
		everyLayerHasAToken();
		this.app.arg("--bentocloud.api-token=cli-SECRET").arg("--bentocloud.endpoint=https://cli.example.com");
		assertResolved("cli-SECRET", "https://cli.example.com",
				"properties:\"bentocloud.api-token\" from property source \"commandLineArgs\"");
	}

	@Test
	void systemPropertyWinsOverBentoMlEnvironmentConfigFilesAndCredentialsFile() {
		everyLayerHasAToken();
		this.app.systemProperty("bentocloud.api-token", "sys-SECRET");
		assertResolved("sys-SECRET", "https://yml.example.com", null);
		assertSource((source) -> assertThat(source).startsWith("properties:").contains("systemProperties"));
	}

	@Test
	void relaxedSpringEnvironmentVariableWinsOverBentoCloudApiKey() {
		everyLayerHasAToken();
		this.app.env("BENTOCLOUD_API_TOKEN", "relaxed-SECRET")
			.env("BENTOCLOUD_ENDPOINT", "https://relaxed.example.com");
		assertResolved("relaxed-SECRET", "https://relaxed.example.com", null);
		assertSource((source) -> assertThat(source)
			.isEqualTo("properties:System Environment Property \"BENTOCLOUD_API_TOKEN\""));
	}

	@Test
	void blankSpringTokenDoesNotCount() {
		this.app.arg("--bentocloud.api-token=").env("BENTO_CLOUD_API_KEY", "key-SECRET");
		assertResolved("key-SECRET", BentoCloudEndpoints.DEFAULT_ENDPOINT, "env:BENTO_CLOUD_API_KEY");
	}

	@Test
	void springTokenWithoutEndpointInItsLayerTakesTheConfigFileEndpointNotBentoMlOrFile() {
		this.app.arg("--bentocloud.api-token=cli-SECRET")
			.env("BENTO_CLOUD_API_ENDPOINT", "https://bento-env.example.com")
			.applicationYaml("bentocloud:\n  endpoint: https://yml.example.com\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("cli-SECRET", "https://yml.example.com", null);
	}

	// Layer 2: BentoML's environment variables

	@Test
	void bentoCloudApiKeyWithEndpointWinsOverConfigFilesAndCredentialsFile() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET")
			.env("BENTO_CLOUD_API_ENDPOINT", "https://bento-env.example.com")
			.applicationYaml("bentocloud:\n  api-token: yml-SECRET\n  endpoint: https://yml.example.com\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("key-SECRET", "https://bento-env.example.com", "env:BENTO_CLOUD_API_KEY");
	}

	@Test
	void bentoCloudApiKeyAloneTakesTheSpringEndpoint() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET")
			.applicationYaml("bentocloud:\n  endpoint: https://yml.example.com\n");
		assertResolved("key-SECRET", "https://yml.example.com", "env:BENTO_CLOUD_API_KEY");
	}

	@Test
	void bentoCloudApiKeyAloneNeverTakesTheCredentialsFileEndpoint() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("key-SECRET", BentoCloudEndpoints.DEFAULT_ENDPOINT, "env:BENTO_CLOUD_API_KEY");
	}

	@Test
	void springEndpointAboveConfigFilesGoesWithBentoCloudApiKeyWhenItNamesNone() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET").arg("--bentocloud.endpoint=https://cli.example.com");
		assertResolved("key-SECRET", "https://cli.example.com", "env:BENTO_CLOUD_API_KEY");
	}

	@Test
	void emptyBentoCloudApiKeyStillWinsAsInPythonButCountsAsNoToken() {
		this.app.env("BENTO_CLOUD_API_KEY", "").applicationYaml("bentocloud:\n  api-token: yml-SECRET\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		try (ConfigurableApplicationContext context = this.app.run()) {
			BentoCloudProperties properties = context.getBean(BentoCloudProperties.class);
			assertThat(properties.hasApiToken()).isFalse();
			assertThat(properties.getEndpoint()).isEqualTo(URI.create(BentoCloudEndpoints.DEFAULT_ENDPOINT));
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(context.getEnvironment());
			assertThat(source.source()).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(source.searched()).contains("BENTO_CLOUD_API_KEY: set but empty");
		}
		assertThat(this.output).contains("No BentoCloud API token is configured", "set but empty");
	}

	@Test
	void bentoCloudApiEndpointAloneDoesNothingAsInPython() {
		this.app.env("BENTO_CLOUD_API_ENDPOINT", "https://bento-env.example.com");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com",
				"file:" + this.app.home().resolve("bentoml/.yatai.yaml") + "#default");
	}

	// Layer 3: application.yml / application.properties and profiles

	@Test
	void applicationYamlWinsOverCredentialsFile() {
		this.app.applicationYaml("bentocloud:\n  api-token: yml-SECRET\n  endpoint: https://yml.example.com\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("yml-SECRET", "https://yml.example.com", null);
		assertSource((source) -> assertThat(source).startsWith("properties:").contains("application.yml"));
	}

	@Test
	void applicationYamlTokenWithoutEndpointTakesTheDefaultNotTheFileEndpoint() {
		this.app.applicationYaml("bentocloud:\n  api-token: yml-SECRET\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("yml-SECRET", BentoCloudEndpoints.DEFAULT_ENDPOINT, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "arg", "env", "sys" })
	void everySpringEndpointFollowsSpringsOrderOverApplicationYaml(String kind) {
		this.app.applicationYaml("bentocloud:\n  api-token: yml-SECRET\n  endpoint: https://yml.example.com\n");
		switch (kind) {
			case "arg" -> this.app.arg("--bentocloud.endpoint=https://cli.example.com");
			case "env" -> this.app.env("BENTOCLOUD_ENDPOINT", "https://cli.example.com");
			default -> this.app.systemProperty("bentocloud.endpoint", "https://cli.example.com");
		}
		assertResolved("yml-SECRET", "https://cli.example.com", null);
	}

	@Test
	void valuesThatAreSetButNotUsedGetOneLineEach() {
		this.app.arg("--bentocloud.api-token=cli-SECRET")
			.env("BENTO_CLOUD_API_KEY", "key-SECRET")
			.env("BENTO_CLOUD_API_ENDPOINT", "https://bento-env.example.com");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("cli-SECRET", BentoCloudEndpoints.DEFAULT_ENDPOINT, null);
		assertThat(this.output).contains("BENTO_CLOUD_API_KEY is set but not used: bentocloud.api-token",
				"BENTO_CLOUD_API_ENDPOINT is set but not used: it only goes with BENTO_CLOUD_API_KEY",
				"The BentoCloud credentials file ",
				".yatai.yaml is not used: the token comes from property " + "bentocloud.api-token");
	}

	@Test
	void profileSpecificFileWinsOverApplicationYaml() {
		this.app.applicationYaml("bentocloud:\n  api-token: yml-SECRET\n")
			.applicationYaml("staging",
					"bentocloud:\n  api-token: staging-SECRET\n  endpoint: https://staging.example.com\n")
			.arg("--spring.profiles.active=staging");
		assertResolved("staging-SECRET", "https://staging.example.com", null);
		assertSource((source) -> assertThat(source).contains("application-staging.yml"));
	}

	@Test
	void placeholdersInApplicationYamlAreResolved() {
		this.app.applicationYaml("bentocloud:\n  api-token: ${MY_TOKEN:}\n").env("MY_TOKEN", "placeholder-SECRET");
		assertResolved("placeholder-SECRET", BentoCloudEndpoints.DEFAULT_ENDPOINT, null);
	}

	@Test
	void emptyPlaceholderFallsThroughToTheCredentialsFile() {
		this.app.applicationYaml("bentocloud:\n  api-token: ${MY_TOKEN:}\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", null);
	}

	// Layer 4: the credentials file

	@Test
	void currentContextOfTheDefaultFile() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", "file:" + file + "#default");
		assertThat(this.output).contains("BentoCloud credentials from file:" + file
				+ "#default (endpoint https://default-org.cloud.bentoml.com)");
	}

	@Test
	void fileFromTheDocumentedDotBentomlDirectory() {
		Path file = this.app.homeFile(".bentoml/.yatai.yaml", PYTHON_FILE);
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", "file:" + file + "#default");
	}

	@Test
	void bentomlHomeWithVariablesAndTilde() {
		Path file = this.app.homeFile("custom/.yatai.yaml", PYTHON_FILE);
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE.replace("file-SECRET-default", "wrong-SECRET"));
		this.app.env("SUBDIR", "custom").env("BENTOML_HOME", "~/${SUBDIR}");
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", "file:" + file + "#default");
	}

	@Test
	void configFilePropertyWinsOverBentomlHome() {
		Path file = this.app.homeFile("elsewhere/creds.yaml", PYTHON_FILE);
		this.app.env("BENTOML_HOME", this.app.home().resolve("missing").toString())
			.arg("--bentocloud.config-file=" + file);
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", "file:" + file + "#default");
	}

	@Test
	void contextFromBentomlCloudContext() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		this.app.env("BENTOML_CLOUD_CONTEXT", "prod");
		assertResolved("file-SECRET-prod", "https://prod-org.cloud.bentoml.com", "file:" + file + "#prod");
	}

	@Test
	void contextPropertyOnCommandLineWinsOverBentomlCloudContext() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml",
				PYTHON_FILE.replace("current_context_name: default", "current_context_name: prod"));
		this.app.env("BENTOML_CLOUD_CONTEXT", "prod").arg("--bentocloud.context=default");
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", "file:" + file + "#default");
	}

	@Test
	void bentomlCloudContextWinsOverContextInApplicationYaml() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		this.app.env("BENTOML_CLOUD_CONTEXT", "prod").applicationYaml("bentocloud:\n  context: default\n");
		assertResolved("file-SECRET-prod", "https://prod-org.cloud.bentoml.com", "file:" + file + "#prod");
	}

	@Test
	void contextInApplicationYaml() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		this.app.applicationYaml("bentocloud:\n  context: prod\n");
		assertResolved("file-SECRET-prod", "https://prod-org.cloud.bentoml.com", "file:" + file + "#prod");
	}

	@Test
	void fileTokenIsNeverSentToAForeignEndpoint() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
		this.app.arg("--bentocloud.endpoint=https://cli.example.com");
		assertResolved("file-SECRET-default", "https://default-org.cloud.bentoml.com", "file:" + file + "#default");
		assertThat(this.output).contains("bentocloud.endpoint", "is ignored", "https://default-org.cloud.bentoml.com");
	}

	@Test
	void specialCharacterAndUnicodeTokensFromTheFile() {
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: a:b#c'"d
				  email: null
				  endpoint: https://special.cloud.bentoml.com
				  name: special
				- api_token: "t\\xF6k\\u20ACn"
				  email: null
				  endpoint: https://unicode.cloud.bentoml.com
				  name: unicode
				current_context_name: special
				""");
		assertResolved("a:b#c'\"d", "https://special.cloud.bentoml.com", null);
		this.app.arg("--bentocloud.context=unicode");
		assertResolved("tök€n", "https://unicode.cloud.bentoml.com", null);
		assertThat(this.output.getAll()).doesNotContain("a:b#c").doesNotContain("tök€n");
	}

	// Layer 5: nothing

	@Test
	void noTokenAnywhereStartsWithOneWarningAndPublishesWhereItLooked() {
		try (ConfigurableApplicationContext context = this.app.run()) {
			BentoCloudProperties properties = context.getBean(BentoCloudProperties.class);
			assertThat(properties.hasApiToken()).isFalse();
			assertThat(properties.getEndpoint()).isEqualTo(URI.create(BentoCloudEndpoints.DEFAULT_ENDPOINT));
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(context.getEnvironment());
			assertThat(source.source()).isEqualTo("none");
			assertThat(source.searched()).contains("bentocloud.api-token", "BENTO_CLOUD_API_KEY: not set",
					this.app.home().resolve("bentoml/.yatai.yaml") + ": not found",
					this.app.home().resolve(".bentoml/.yatai.yaml") + ": not found");
			assertThat(source.noTokenGuidance()).contains("bentoml cloud login", "BENTO_CLOUD_API_KEY",
					"bentocloud.api-token", source.searched());
		}
		assertThat(this.output).containsOnlyOnce("No BentoCloud API token is configured").contains("WARN");
	}

	@Test
	void fileWithoutContextsIsNoTokenNotAFailure() {
		Path file = this.app.homeFile("bentoml/.yatai.yaml", "contexts: []\ncurrent_context_name: default\n");
		try (ConfigurableApplicationContext context = this.app.run()) {
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(context.getEnvironment());
			assertThat(source.source()).isEqualTo("none");
			assertThat(source.searched()).contains(file + ": no contexts");
		}
	}

	@Test
	void springEndpointIsPublishedEvenWithoutToken() {
		this.app.applicationYaml("bentocloud:\n  endpoint: https://yml.example.com\n");
		assertResolved(null, "https://yml.example.com", "none");
	}

	@Test
	void disabledStarterReadsNothing() {
		this.app.homeFile("bentoml/.yatai.yaml", "contexts: null\n");
		this.app.arg("--bentocloud.enabled=false");
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(context.getEnvironment()
				.getPropertySources()
				.contains(BentoCloudCredentialsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		}
	}

	// Inside a BentoCloud deployment

	@Test
	void insideABentoCloudDeploymentTheStartupLineAndTheSourceSaySo() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET")
			.env("BENTOCLOUD_DEPLOYMENT_URL", "https://svc:pw-SECRET@my-svc.cloud.bentoml.com/v1?sig=q-SECRET");
		try (ConfigurableApplicationContext context = this.app.run()) {
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(context.getEnvironment());
			assertThat(source.source()).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(source.deploymentUrl()).isEqualTo("https://******@my-svc.cloud.bentoml.com/v1");
		}
		assertThat(this.output.getAll().lines().filter((line) -> line.contains("BentoCloud credentials from")))
			.singleElement()
			.asString()
			.contains("INFO", "env:BENTO_CLOUD_API_KEY",
					"running inside the BentoCloud deployment https://******@my-svc.cloud.bentoml.com/v1 "
							+ "(BENTOCLOUD_DEPLOYMENT_URL)");
	}

	@Test
	void insideABentoCloudDeploymentWithoutTokenTheWarningSaysSo() {
		this.app.env("BENTOCLOUD_DEPLOYMENT_URL", "https://my-svc.cloud.bentoml.com");
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(BentoCloudCredentialsSource.from(context.getEnvironment()).deploymentUrl())
				.isEqualTo("https://my-svc.cloud.bentoml.com");
		}
		assertThat(this.output).contains("No BentoCloud API token is configured")
			.contains("running inside the BentoCloud deployment https://my-svc.cloud.bentoml.com");
	}

	@Test
	void outsideABentoCloudDeploymentNoDeploymentIsShown() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET");
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(BentoCloudCredentialsSource.from(context.getEnvironment()).deploymentUrl()).isNull();
		}
		assertThat(this.output).contains("BentoCloud credentials from env:BENTO_CLOUD_API_KEY")
			.doesNotContain("running inside");
	}

	private void everyLayerHasAToken() {
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET")
			.env("BENTO_CLOUD_API_ENDPOINT", "https://bento-env.example.com")
			.applicationYaml("bentocloud:\n  api-token: yml-SECRET\n  endpoint: https://yml.example.com\n");
		this.app.homeFile("bentoml/.yatai.yaml", PYTHON_FILE);
	}

	private String lastSource;

	private void assertResolved(String token, String endpoint, String source) {
		try (ConfigurableApplicationContext context = this.app.run()) {
			BentoCloudProperties properties = context.getBean(BentoCloudProperties.class);
			assertThat(properties.getApiToken()).isEqualTo(token);
			assertThat(properties.getEndpoint()).isEqualTo(URI.create(endpoint));
			this.lastSource = BentoCloudCredentialsSource.from(context.getEnvironment()).source();
			if (source != null) {
				assertThat(this.lastSource).isEqualTo(source);
			}
			if (token != null) {
				assertThat(BentoCloudCredentialsSource.from(context.getEnvironment()).searched()).isNull();
			}
		}
	}

	private void assertSource(Consumer<String> assertion) {
		assertion.accept(this.lastSource);
	}

}
