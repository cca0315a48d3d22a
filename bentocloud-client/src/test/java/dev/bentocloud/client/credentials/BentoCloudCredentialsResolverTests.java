package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.emulator.BentoCloudEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * BentoML's credential chain from plain Java, as the README shows it: resolve, build a
 * client, call a real (emulated) BentoCloud over HTTP.
 */
class BentoCloudCredentialsResolverTests {

	@TempDir
	Path home;

	private final Map<String, String> env = new HashMap<>();

	private BentoCloudEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = BentoCloudEmulator.start();
		this.env.put("HOME", this.home.toString());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private BentoCloudCredentialsResolver resolver() {
		return BentoCloudCredentialsResolver.of(BentoMlEnvironment.of(this.env::get));
	}

	private Path writeFile(String content) throws IOException {
		Path file = this.home.resolve("bentoml").resolve(".yatai.yaml");
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private String context(String name, String endpoint, String token) {
		return "- name: " + name + "\n  endpoint: " + endpoint + "\n  api_token: " + token + "\n  email: null\n";
	}

	@Test
	void theCurrentContextOfTheFileBuildsAWorkingClient() throws IOException {
		Path file = writeFile("contexts:\n" + context("default", "http://127.0.0.1:9", "other")
				+ context("emulator", this.emulator.endpoint(), this.emulator.apiToken())
				+ "current_context_name: emulator\n");
		BentoCloudCredentials credentials = resolver().resolve();
		assertThat(credentials.source()).isEqualTo("file:" + file + "#emulator");
		assertThat(credentials.endpoint()).isEqualTo(this.emulator.endpoint());
		assertThat(credentials.toString()).doesNotContain(this.emulator.apiToken());
		BentoCloudClient client = BentoCloudClient.builder().credentials(credentials).build();
		assertThat(client.blocking().currentUser().name()).isEqualTo("demo");
	}

	@Test
	void environmentWinsOverTheFileWithItsOwnEndpoint() throws IOException {
		writeFile("contexts:\n" + context("default", "http://127.0.0.1:9", "from-file"));
		this.env.put(BentoMlEnvironment.API_KEY, this.emulator.apiToken());
		this.env.put(BentoMlEnvironment.API_ENDPOINT, this.emulator.endpoint());
		BentoCloudCredentials credentials = resolver().resolve();
		assertThat(credentials.source()).isEqualTo("env:BENTO_CLOUD_API_KEY");
		assertThat(BentoCloudClient.builder().credentials(credentials).build().blocking().currentUser().name())
			.isEqualTo("demo");
	}

	@Test
	void anEmptyApiKeyStillWinsAsInBentoMlAndTheClientExplainsWhy() throws IOException {
		writeFile("contexts:\n" + context("default", this.emulator.endpoint(), this.emulator.apiToken()));
		this.env.put(BentoMlEnvironment.API_KEY, "");
		BentoCloudCredentials credentials = resolver().resolve();
		assertThat(credentials.hasApiToken()).isFalse();
		assertThatExceptionOfType(BentoCloudCredentialsException.class)
			.isThrownBy(() -> BentoCloudClient.builder().credentials(credentials).build().blocking().currentUser())
			.withMessageContaining("BENTO_CLOUD_API_KEY: set but empty")
			.withMessageContaining("bentoml cloud login");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void withoutAnySourceItSaysWhereItLooked() {
		BentoCloudCredentials credentials = resolver().resolve();
		assertThat(credentials.source()).isEqualTo(BentoCloudCredentials.NONE);
		assertThat(credentials.endpoint()).isEqualTo("https://cloud.bentoml.com");
		assertThat(credentials.searched()).containsExactly("environment variable BENTO_CLOUD_API_KEY: not set",
				"credentials file " + this.home.resolve("bentoml/.yatai.yaml") + ": not found",
				"credentials file " + this.home.resolve(".bentoml/.yatai.yaml") + ": not found");
	}

	@Test
	void contextFromTheEnvironmentAndAMissingOneNamesWhatExists() throws IOException {
		writeFile("contexts:\n" + context("default", "http://127.0.0.1:9", "a")
				+ context("prod", this.emulator.endpoint(), this.emulator.apiToken()));
		this.env.put(BentoMlEnvironment.CLOUD_CONTEXT, "prod");
		assertThat(resolver().resolve().source()).endsWith("#prod");
		assertThatExceptionOfType(YataiConfigException.class)
			.isThrownBy(() -> resolver().context("staging", "the test").resolve())
			.satisfies((ex) -> {
				assertThat(ex.getMissingContext()).isEqualTo("staging");
				assertThat(ex.getContextNames()).containsExactly("default", "prod");
				assertThat(ex.getMessage()).contains("selected by the test").doesNotContain(this.emulator.apiToken());
			});
	}

	@Test
	void aContextWhoseEndpointIsNotAnHttpUrlIsRefused() throws IOException {
		writeFile("contexts:\n" + context("default", "localhost:3000", "a"));
		assertThatExceptionOfType(YataiConfigException.class).isThrownBy(() -> resolver().resolve())
			.withMessageContaining("is not an http(s) URL");
	}

}
