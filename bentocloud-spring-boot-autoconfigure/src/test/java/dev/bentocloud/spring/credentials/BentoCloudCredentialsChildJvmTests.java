package dev.bentocloud.spring.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OS environment layers with real environment variables: each test starts
 * {@link CredentialsProbe} in a child JVM with a controlled environment (only
 * {@code HOME}, {@code LANG} and the variables under test) and checks what it resolved.
 */
class BentoCloudCredentialsChildJvmTests {

	private static final String FILE = """
			contexts:
			- api_token: a:b#c'"d-SECRET-file
			  email: null
			  endpoint: https://default-org.cloud.bentoml.com
			  name: default
			- api_token: "t\\xF6k\\u20ACn-SECRET-prod"
			  email: dev@example.com
			  endpoint: https://prod-org.cloud.bentoml.com
			  name: prod
			current_context_name: default
			""";

	@TempDir
	Path dir;

	private Path home;

	private final Map<String, String> environment = new LinkedHashMap<>();

	@BeforeEach
	void setUp() throws IOException {
		this.home = Files.createDirectories(this.dir.resolve("home"));
		this.environment.put("HOME", this.home.toString());
		this.environment.put("LANG", "C.UTF-8");
	}

	@Test
	void bentoCloudApiKeyAndEndpointFromTheRealEnvironmentBeatTheFile() throws Exception {
		writeFile(this.home.resolve("bentoml/.yatai.yaml"));
		this.environment.put("BENTO_CLOUD_API_KEY", "tök€n-SECRET-env");
		this.environment.put("BENTO_CLOUD_API_ENDPOINT", "https://env-org.cloud.bentoml.com");
		Probe probe = run();
		probe.assertResolved("tök€n-SECRET-env", "https://env-org.cloud.bentoml.com", "env:BENTO_CLOUD_API_KEY");
		assertThat(probe.searched()).isEqualTo("null");
	}

	@Test
	void emptyBentoCloudApiKeyWinsOverTheFileAndWarns() throws Exception {
		writeFile(this.home.resolve("bentoml/.yatai.yaml"));
		this.environment.put("BENTO_CLOUD_API_KEY", "");
		Probe probe = run();
		probe.assertResolved("", "https://cloud.bentoml.com", "env:BENTO_CLOUD_API_KEY");
		assertThat(probe.searched()).contains("BENTO_CLOUD_API_KEY: set but empty");
		assertThat(probe.logs()).contains("WARN").contains("No BentoCloud API token is configured");
	}

	@Test
	void relaxedSpringVariablesBeatBentoCloudApiKey() throws Exception {
		this.environment.put("BENTOCLOUD_API_TOKEN", "relaxed-SECRET");
		this.environment.put("BENTOCLOUD_ENDPOINT", "https://relaxed.example.com");
		this.environment.put("BENTO_CLOUD_API_KEY", "key-SECRET");
		run().assertResolved("relaxed-SECRET", "https://relaxed.example.com",
				"properties:System Environment Property \"BENTOCLOUD_API_TOKEN\"");
	}

	@Test
	void bentomlHomeAndBentomlCloudContextSelectTheFileAndContext() throws Exception {
		Path bentomlHome = this.dir.resolve("bentoml-home");
		writeFile(bentomlHome.resolve(".yatai.yaml"));
		writeFile(this.home.resolve("bentoml/.yatai.yaml"));
		this.environment.put("BENTOML_HOME", bentomlHome.toString());
		this.environment.put("BENTOML_CLOUD_CONTEXT", "prod");
		Probe probe = run();
		probe.assertResolved("tök€n-SECRET-prod", "https://prod-org.cloud.bentoml.com",
				"file:" + bentomlHome.resolve(".yatai.yaml") + "#prod");
		assertThat(probe.logs()).contains("BentoCloud credentials from file:" + bentomlHome.resolve(".yatai.yaml")
				+ "#prod (endpoint https://prod-org.cloud.bentoml.com)");
	}

	@Test
	void homeDirectoryFileWithItsCurrentContext() throws Exception {
		Path file = this.home.resolve("bentoml/.yatai.yaml");
		writeFile(file);
		run().assertResolved("a:b#c'\"d-SECRET-file", "https://default-org.cloud.bentoml.com",
				"file:" + file + "#default");
	}

	@Test
	void nothingConfiguredStartsWithOneWarning() throws Exception {
		Probe probe = run();
		probe.assertResolved("null", "https://cloud.bentoml.com", "none");
		assertThat(probe.searched()).contains(this.home.resolve("bentoml/.yatai.yaml") + ": not found");
		assertThat(probe.logs()).containsOnlyOnce("No BentoCloud API token is configured")
			.contains("bentoml cloud login");
	}

	@Test
	void unknownContextFromBentomlCloudContextStopsStartupWithAFailureAnalysis() throws Exception {
		Path file = this.home.resolve("bentoml/.yatai.yaml");
		writeFile(file);
		this.environment.put("BENTOML_CLOUD_CONTEXT", "staging");
		Probe probe = run();
		assertThat(probe.exitCode()).isNotZero();
		assertThat(probe.logs()).contains("APPLICATION FAILED TO START",
				"The BentoCloud credentials file " + file + " cannot be used: it has no context 'staging'",
				"Contexts in the file: default, prod.", "bentoml cloud login --context staging");
		assertThat(probe.logs()).doesNotContain("SECRET");
	}

	private void writeFile(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, FILE);
	}

	private Probe run() throws IOException, InterruptedException {
		Path emptyConfig = Files.createDirectories(this.dir.resolve("config"));
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfile.encoding=UTF-8",
						"-Dstdout.encoding=UTF-8", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
						CredentialsProbe.class.getName(), "--spring.config.location=file:" + emptyConfig + "/"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
		return new Probe(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Probe(int exitCode, String output) {

		String value(String key) {
			return this.output.lines()
				.filter((line) -> line.startsWith("PROBE " + key + "="))
				.map((line) -> line.substring(("PROBE " + key + "=").length()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + key + " in child output:\n" + this.output));
		}

		String searched() {
			return value("searched");
		}

		/** Everything but the PROBE lines: the child's log output. */
		String logs() {
			return String.join("\n", this.output.lines().filter((line) -> !line.startsWith("PROBE ")).toList());
		}

		void assertResolved(String token, String endpoint, String source) {
			assertThat(this.exitCode).as(this.output).isZero();
			assertThat(value("token")).isEqualTo(token);
			assertThat(value("endpoint")).isEqualTo(endpoint);
			assertThat(value("source")).isEqualTo(source);
			assertThat(logs()).doesNotContain("SECRET");
		}

	}

}
