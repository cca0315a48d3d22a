package dev.bentocloud.spring.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A credentials file that is needed but broken stops startup with a failure analysis;
 * when a higher layer supplies the token it is only a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidCredentialsFileTests {

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

	@Test
	void unknownExplicitContextNamesExistingContextsAndRemedies() throws IOException {
		Path file = fixture("python-several.yaml");
		this.app.arg("--bentocloud.context=staging");
		FailureAnalysis analysis = startupFailure();
		assertThat(analysis.getDescription()).contains(file.toString(), "has no context 'staging'",
				"selected by \"bentocloud.context\" from property source \"commandLineArgs\"",
				"Contexts in the file: default, prod, quoted, unicöde.");
		assertRemedies(analysis);
		assertThat(analysis.getAction()).contains("bentoml cloud login --context staging", "bentocloud.context");
		assertThat(this.output).contains("APPLICATION FAILED TO START", "has no context 'staging'");
	}

	@Test
	void unknownContextFromBentomlCloudContext() throws IOException {
		fixture("python-default.yaml");
		this.app.env("BENTOML_CLOUD_CONTEXT", "prod");
		FailureAnalysis analysis = startupFailure();
		assertThat(analysis.getDescription()).contains("has no context 'prod'",
				"selected by environment variable BENTOML_CLOUD_CONTEXT", "Contexts in the file: default.");
	}

	@Test
	void currentContextNameThatNamesNoContext() {
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: file-SECRET
				  endpoint: https://cloud.bentoml.com
				  name: prod
				""");
		FailureAnalysis analysis = startupFailure();
		assertThat(analysis.getDescription()).contains("has no context 'default'",
				"current_context_name in the file (absent, so 'default')", "Contexts in the file: prod.");
	}

	@Test
	void invalidYamlNamesFileAndLine() throws IOException {
		Path file = fixture("invalid-yaml.yaml");
		FailureAnalysis analysis = startupFailure();
		assertThat(analysis.getDescription()).contains(file.toString(), "(line 7)", "is not valid YAML",
				"started on line 4", "Contexts in the file: unknown");
		assertRemedies(analysis);
		assertThat(analysis.getAction()).startsWith("Fix " + file);
	}

	@Test
	void topLevelList() throws IOException {
		fixture("list-top-level.yaml");
		assertThat(startupFailure().getDescription()).contains("(line 1)", "top level must be a mapping");
	}

	@Test
	void contextsNull() throws IOException {
		fixture("contexts-null.yaml");
		assertThat(startupFailure().getDescription()).contains("(line 1)",
				"'contexts' must be a list of contexts, not null");
	}

	@Test
	void contextWithoutApiToken() throws IOException {
		fixture("missing-api-token.yaml");
		assertThat(startupFailure().getDescription()).contains("(line 6)", "context 'prod' has no 'api_token'",
				"Contexts in the file: default, prod.");
	}

	@Test
	void contextWithAnEndpointThatIsNotAUrl() {
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: file-SECRET
				  endpoint: cloud.bentoml.com
				  name: default
				""");
		assertThat(startupFailure().getDescription())
			.contains("the endpoint of context 'default' is not an http(s) URL");
	}

	@Test
	void directoryWhereTheFileShouldBe() throws IOException {
		Files.createDirectories(this.app.home().resolve("bentoml/.yatai.yaml"));
		assertThat(startupFailure().getDescription()).contains("it is a directory, not a file");
	}

	@Test
	void aFifoWhereTheFileShouldBeFailsAtOnceEvenWithATokenFromTheEnvironment() throws Exception {
		Path fifo = this.app.home().resolve("bentoml/.yatai.yaml");
		Files.createDirectories(fifo.getParent());
		assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
		assertThat(startupFailure().getDescription()).contains("it is not a regular file");
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET");
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			try (ConfigurableApplicationContext context = this.app.run()) {
				assertThat(context.getBean(BentoCloudProperties.class).getApiToken()).isEqualTo("key-SECRET");
			}
		});
		assertThat(this.output).contains("Ignoring the BentoCloud credentials file " + fifo);
	}

	@Test
	void aFileOthersCanReadGetsOneWarningWithTheChmodThatFixesIt() throws IOException {
		Path file = fixture("python-default.yaml");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(context.getBean(BentoCloudProperties.class).hasApiToken()).isTrue();
		}
		assertThat(this.output).containsOnlyOnce("holds API tokens but is accessible by others")
			.contains("Run `chmod 600 " + file + "`");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		int before = this.output.getAll().length();
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(this.output.getAll().substring(before)).doesNotContain("accessible by others");
		}
	}

	@Test
	void brokenFileIsOnlyAWarningWhenATokenComesFromAHigherLayer() throws IOException {
		Path file = fixture("invalid-yaml.yaml");
		this.app.env("BENTO_CLOUD_API_KEY", "key-SECRET");
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(context.getBean(BentoCloudProperties.class).getApiToken()).isEqualTo("key-SECRET");
		}
		assertThat(this.output).contains("WARN", "Ignoring the BentoCloud credentials file " + file,
				"The token comes from environment variable BENTO_CLOUD_API_KEY");
	}

	@Test
	void unknownContextIsIgnoredWhenATokenComesFromAHigherLayer() throws IOException {
		fixture("python-default.yaml");
		this.app.arg("--bentocloud.context=nope").applicationYaml("bentocloud:\n  api-token: yml-SECRET\n");
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(context.getBean(BentoCloudProperties.class).getApiToken()).isEqualTo("yml-SECRET");
		}
	}

	@Test
	void missingExplicitConfigFileIsNoToken() {
		Path missing = this.dir.resolve("missing.yaml");
		this.app.arg("--bentocloud.config-file=" + missing);
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(BentoCloudCredentialsSource.from(context.getEnvironment()).searched())
				.contains(missing + ": not found");
		}
	}

	private FailureAnalysis startupFailure() {
		InvalidCredentialsFileException ex = assertThatExceptionOfType(InvalidCredentialsFileException.class)
			.isThrownBy(this.app::run)
			.actual();
		FailureAnalysis analysis = new InvalidCredentialsFileFailureAnalyzer().analyze(ex);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription() + analysis.getAction() + ex.getMessage()).doesNotContain("SECRET");
		return analysis;
	}

	private void assertRemedies(FailureAnalysis analysis) {
		assertThat(analysis.getAction()).contains("bentoml cloud login", "BENTO_CLOUD_API_KEY", "bentocloud.api-token");
	}

	private Path fixture(String name) throws IOException {
		Path file = this.app.home().resolve("bentoml/.yatai.yaml");
		Files.createDirectories(file.getParent());
		try (InputStream in = getClass().getResourceAsStream("/yatai/" + name)) {
			Files.copy(in, file);
		}
		return file;
	}

}
