package dev.bentocloud.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Mistakes in {@code bentocloud.*} stop startup with a failure report (property, value,
 * origin with file and line, fix) rather than a stack trace or silence: Boot's reports
 * for values that do not bind, the starter's for what those would show unsafely.
 */
@ExtendWith(OutputCaptureExtension.class)
class BentoCloudPropertiesValidationTests {

	@TempDir
	Path dir;

	private CapturedOutput output;

	@BeforeEach
	void captureOutput(CapturedOutput output) {
		this.output = output;
	}

	/** The failure report Boot printed: description, then action. */
	private String startupFailure(String yaml, Map<String, Object> env, String... args) throws IOException {
		assertThatException().isThrownBy(() -> run(yaml, env, args).close());
		String printed = this.output.getOut();
		assertThat(printed).contains("APPLICATION FAILED TO START");
		String report = printed.substring(printed.lastIndexOf("Description:"));
		assertThat(report).doesNotContain("SECRET");
		return report;
	}

	private ConfigurableApplicationContext run(String yaml, Map<String, Object> env, String... args)
			throws IOException {
		return StarterApplication.run(this.dir, "application.yml", yaml, env, args);
	}

	@Test
	void aTypoNamesTheKeyItsFileAndLineAndTheNearestValidKey() throws IOException {
		String report = startupFailure(
				"bentocloud:\n  api-token: SECRET-1\n  endpont: https://acme.cloud.bentoml.com\n", Map.of());
		assertThat(report).contains("bentocloud.endpont", "application.yml", "3:",
				"there is no such BentoCloud property");
		assertThat(report).contains("Did you mean bentocloud.endpoint?");
	}

	@Test
	void aTypoOnTheCommandLineIsCaughtToo() throws IOException {
		String report = startupFailure("", Map.of(), "--bentocloud.retry.max-retris=2");
		assertThat(report).contains("bentocloud.retry.max-retris", "commandLineArgs");
		assertThat(report).contains("Did you mean bentocloud.retry.max-retries?");
	}

	@Test
	void unknownBentoCloudVariablesOfTheEnvironmentAreNotOurs() throws IOException {
		// BentoCloud sets BENTOCLOUD_* variables in
		// its pods; the environment is not checked.
		try (ConfigurableApplicationContext context = run("",
				Map.of("BENTOCLOUD_IMAGE_FINGERPRINT", "abc", "BENTOCLOUD_DEPLOYMENT_NAME", "iris"))) {
			assertThat(context.getBean(BentoCloudProperties.class).isEnabled()).isTrue();
		}
	}

	@Test
	void validKeysInEveryRelaxedFormAndBentoCloudsDeploymentVariableStart() throws IOException {
		try (ConfigurableApplicationContext context = run(
				"bentocloud:\n  api-token: SECRET-2\n  connectTimeout: 3s\n" + "  retry:\n    max_retries: 1\n",
				Map.of("BENTOCLOUD_DEPLOYMENT_URL", "https://iris.example.com", "BENTOCLOUD_RESPONSE_TIMEOUT", "5s"),
				"--bentocloud.health.cache-ttl=0s")) {
			BentoCloudProperties properties = context.getBean(BentoCloudProperties.class);
			assertThat(properties.getConnectTimeout()).hasSeconds(3);
			assertThat(properties.getRetry().effectiveMaxRetries()).isOne();
		}
	}

	@ParameterizedTest
	@CsvSource({ "localhost:8081, not an http(s) URL with a host", "ftp://files.example.com, not an http(s) URL",
			"https://user:pass@acme.example.com, contains user info" })
	void anEndpointThatCannotWorkIsReportedWithItsOrigin(String endpoint, String problem) throws IOException {
		String report = startupFailure("bentocloud:\n  api-token: SECRET-3\n  endpoint: " + endpoint + "\n", Map.of());
		assertThat(report).contains("bentocloud.endpoint", problem, "application.yml", "3:").doesNotContain("pass@");
	}

	@Test
	void plainHttpToARemoteHostIsAReportNotAStackTrace() throws IOException {
		String report = startupFailure("bentocloud:\n  api-token: SECRET-4\n", Map.of(),
				"--bentocloud.endpoint=http://bentocloud.example.com");
		assertThat(report).contains("plain http to bentocloud.example.com", "commandLineArgs");
		assertThat(report).contains("bentocloud.allow-insecure-endpoint=true");
	}

	@ParameterizedTest
	@CsvSource({ "health.timeout, 0s", "connect-timeout, -1s", "retry.initial-backoff, 0ms" })
	void aDurationThatIsNotPositiveIsReported(String key, String value) throws IOException {
		String[] path = key.split("\\.");
		String yaml = (path.length == 1) ? "bentocloud:\n  " + key + ": " + value + "\n"
				: "bentocloud:\n  " + path[0] + ":\n    " + path[1] + ": " + value + "\n";
		String report = startupFailure(yaml, Map.of());
		assertThat(report).contains("bentocloud." + key, "must be positive", "application.yml");
		assertThat(report).contains("positive duration");
	}

	@Test
	void aServiceWithBothUrlAndDeploymentIsReportedWithItsFileAndLine() throws IOException {
		String report = startupFailure(
				"bentocloud:\n  services:\n    summarizer:\n"
						+ "      url: https://summarizer-acme.mt-guc1.bentoml.ai\n      deployment: summarizer\n",
				Map.of());
		assertThat(report).contains("mutually exclusive", "bentocloud.services.summarizer.url",
				"bentocloud.services.summarizer.deployment", "application.yml] - 4:", "application.yml] - 5:");
		assertThat(report).contains("only one of the mutually exclusive properties");
	}

	@Test
	void aServiceWithNeitherUrlNorDeploymentIsReported() throws IOException {
		String report = startupFailure("bentocloud:\n  services:\n    summarizer:\n      token: SECRET-5\n", Map.of());
		assertThat(report).contains(
				"neither bentocloud.services.summarizer.url nor bentocloud.services.summarizer.deployment is set",
				"application.yml");
	}

	@ParameterizedTest
	@CsvSource({ "http://summarizer.example.com, plain http to summarizer.example.com",
			"summarizer.example.com, not an http(s) URL with a host",
			"https://user:pass@summarizer.example.com, contains user info" })
	void aServiceUrlThatCannotWorkIsReportedWithItsProperty(String url, String problem) throws IOException {
		String report = startupFailure("bentocloud:\n  service:\n    token: SECRET-6\n", Map.of(),
				"--bentocloud.services.summarizer.url=" + url);
		assertThat(report).contains("bentocloud.services.summarizer.url", problem, "commandLineArgs")
			.doesNotContain("pass@");
	}

	@Test
	void aClusterForAUrlServiceAndATimeoutThatIsNotPositiveAreReported() throws IOException {
		assertThat(startupFailure("", Map.of(), "--bentocloud.services.a.url=https://a.example.com",
				"--bentocloud.services.a.cluster=aws-us-east-1"))
			.contains("bentocloud.services.a.cluster", "only applies to a deployment");
		assertThat(startupFailure("", Map.of(), "--bentocloud.services.a.deployment=a",
				"--bentocloud.services.a.stream-idle-timeout=0s"))
			.contains("bentocloud.services.a.stream-idle-timeout", "must be positive");
	}

	@Test
	void aTypoInAServiceKeyNamesTheNearestServiceKey() throws IOException {
		String report = startupFailure(
				"bentocloud:\n  services:\n    summarizer:\n      deployment: summarizer\n      tokn: SECRET-7\n",
				Map.of());
		assertThat(report).contains("bentocloud.services.summarizer.tokn", "application.yml", "5:");
		assertThat(report).contains("Did you mean bentocloud.services.summarizer.token?");
	}

	@Test
	void validServicesStart() throws IOException {
		try (ConfigurableApplicationContext context = run("bentocloud:\n  services:\n    summarizer:\n"
				+ "      url: https://summarizer-acme.mt-guc1.bentoml.ai\n      token: SECRET-8\n"
				+ "      stream-idle-timeout: 60s\n    classifier:\n      deployment: iris-classifier\n"
				+ "      cluster: aws-us-east-1\n", Map.of())) {
			assertThat(context.getBean(BentoServiceClients.class).names()).containsExactly("summarizer", "classifier");
		}
	}

}
