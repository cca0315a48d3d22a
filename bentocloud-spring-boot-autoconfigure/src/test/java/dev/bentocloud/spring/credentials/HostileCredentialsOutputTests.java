package dev.bentocloud.spring.credentials;

import java.nio.file.Path;
import java.util.List;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.autoconfigure.InvalidBentoCloudPropertyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Escape sequences, bidi overrides and 120,000-character values in {@code .yatai.yaml}
 * reach the startup log and the failure reports only escaped ({@code \u001b}) and cut, as
 * the CLI shows them.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileCredentialsOutputTests {

	private static final String LONG = "n".repeat(120_000);

	/** Generous for one log line with a path, a context name and an endpoint. */
	private static final int MAX_LINE = 1500;

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
	void theStartupLineShowsAHostileContextNameAndEndpointEscapedAndCut() {
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: file-SECRET
				  endpoint: "https://cloud.bentoml.com/\\u202E%s"
				  name: "%s"
				current_context_name: "%s"
				""".formatted(LONG, TerminalSafety.HOSTILE_YAML, TerminalSafety.HOSTILE_YAML));
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(context.getBean(BentoCloudProperties.class).hasApiToken()).isTrue();
		}
		assertThat(this.output).contains("BentoCloud credentials from file:", "\\u001b[2J", "\\u202e",
				"(120027 characters)");
		TerminalSafety.assertSafe(this.output.getAll(), MAX_LINE);
	}

	@Test
	void theNoTokenWarningShowsAHostileContextNameEscapedAndCut() {
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: ""
				  endpoint: https://cloud.bentoml.com
				  name: "%s%s"
				current_context_name: "%s%s"
				""".formatted(TerminalSafety.HOSTILE_YAML, LONG, TerminalSafety.HOSTILE_YAML, LONG));
		try (ConfigurableApplicationContext context = this.app.run()) {
			assertThat(context.getBean(BentoCloudProperties.class).hasApiToken()).isFalse();
		}
		assertThat(this.output).contains("WARN", "No BentoCloud API token", "has an empty api_token", "\\u001b[2J");
		TerminalSafety.assertSafe(this.output.getAll(), MAX_LINE);
	}

	@Test
	void theFailureReportOfABrokenFileShowsHostileNamesEscapedAndCut() {
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: file-SECRET
				  endpoint: https://cloud.bentoml.com
				  name: "%s"
				- api_token: file-SECRET
				  endpoint: https://cloud.bentoml.com
				  name: "%s"
				""".formatted(TerminalSafety.HOSTILE_YAML, LONG));
		this.app.env("BENTOML_CLOUD_CONTEXT", "\u001b[2Jnope\u202e");
		FailureAnalysis analysis = startupFailure(InvalidCredentialsFileException.class);
		assertThat(analysis.getDescription()).contains("has no context '\\u001b[2Jnope\\u202e'",
				"Contexts in the file: \\u001b[2J");
		assertThat(analysis.getAction()).contains("bentoml cloud login --context \\u001b[2Jnope\\u202e");
		assertThat(analysis.getDescription()).contains("(120000 characters)");
		assertThat(this.output).contains("APPLICATION FAILED TO START");
		TerminalSafety.assertSafe(analysis.getDescription() + "\n" + analysis.getAction(), MAX_LINE);
		TerminalSafety.assertSafe(this.output.getAll(), MAX_LINE);
	}

	@Test
	void theFailureReportOfAHostileEndpointShowsItEscapedAndCut() {
		// Plain http to another host with a token: the starter refuses to start.
		this.app.homeFile("bentoml/.yatai.yaml", """
				contexts:
				- api_token: file-SECRET
				  endpoint: "http://example.com/\\u202E%s"
				  name: "%s"
				current_context_name: "%s"
				""".formatted(LONG, TerminalSafety.HOSTILE_YAML, TerminalSafety.HOSTILE_YAML));
		FailureAnalysis analysis = startupFailure(InvalidBentoCloudPropertyException.class);
		assertThat(analysis.getDescription()).contains("http://example.com/\\u202e", "\\u001b[2J");
		assertThat(this.output).contains("APPLICATION FAILED TO START");
		TerminalSafety.assertSafe(analysis.getDescription() + "\n" + analysis.getAction(), MAX_LINE);
		TerminalSafety.assertSafe(this.output.getAll(), MAX_LINE);
	}

	/** The analysis that the registered failure analyzers make of the startup failure. */
	private FailureAnalysis startupFailure(Class<? extends Exception> expected) {
		Exception failure = assertThatException().isThrownBy(this.app::run).actual();
		Throwable cause = failure;
		while (cause != null && !expected.isInstance(cause)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a %s in the causes of %s", expected.getSimpleName(), failure).isNotNull();
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, (type, name, ex) -> {
			});
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter((analysis) -> analysis != null)
			.findFirst()
			.orElseThrow();
	}

}
