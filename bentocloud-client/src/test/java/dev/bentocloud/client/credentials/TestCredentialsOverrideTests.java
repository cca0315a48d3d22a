package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test override of BentoML's chain: only resolvers on the process's environment
 * follow it, installations nest, and closing one restores the one before.
 */
class TestCredentialsOverrideTests {

	private static final BentoCloudCredentials FIRST = new BentoCloudCredentials("http://127.0.0.1:1", "first-token",
			"emulator", List.of());

	private static final BentoCloudCredentials SECOND = new BentoCloudCredentials("http://127.0.0.1:2", "second-token",
			"container:test", List.of());

	@TempDir
	Path home;

	@Test
	void theProcessEnvironmentsChainResolvesToTheLatestOpenInstallation() {
		try (TestCredentialsOverride.Installation first = TestCredentialsOverride.install(() -> FIRST)) {
			assertThat(TestCredentialsOverride.isInstalled()).isTrue();
			assertThat(BentoCloudCredentialsResolver.bentoml().resolve()).satisfies((credentials) -> {
				assertThat(credentials.endpoint()).isEqualTo(FIRST.endpoint());
				assertThat(credentials.apiToken()).isEqualTo("first-token");
				assertThat(credentials.source()).isEqualTo("test-override:emulator");
			});
			try (TestCredentialsOverride.Installation second = TestCredentialsOverride.install(() -> SECOND)) {
				assertThat(BentoCloudCredentialsResolver.bentoml().resolve().apiToken()).isEqualTo("second-token");
				first.close();
				assertThat(BentoCloudCredentialsResolver.bentoml().resolve().apiToken()).isEqualTo("second-token");
			}
		}
	}

	@Test
	void everyEntryPointOfTheChainFollowsIt() throws IOException {
		try (TestCredentialsOverride.Installation installation = TestCredentialsOverride.install(() -> FIRST)) {
			BentoCloudCredentialsResolver resolver = BentoCloudCredentialsResolver.of(BentoMlEnvironment.system());
			assertThat(resolver.fromEnvironment())
				.hasValueSatisfying((credentials) -> assertThat(credentials.apiToken()).isEqualTo("first-token"));
			assertThat(resolver.fromFile().apiToken()).isEqualTo("first-token");
			assertThat(resolver.readFile()).isEmpty();
		}
	}

	@Test
	void anotherEnvironmentIsNotRedirected() throws IOException {
		Path file = Files.createDirectories(this.home.resolve("bentoml")).resolve(".yatai.yaml");
		Files.writeString(file, """
				contexts:
				- api_token: file-token
				  endpoint: https://acme.cloud.bentoml.com
				  name: default
				current_context_name: default
				""");
		Map<String, String> env = Map.of("HOME", this.home.toString());
		try (TestCredentialsOverride.Installation installation = TestCredentialsOverride.install(() -> FIRST)) {
			BentoCloudCredentials credentials = BentoCloudCredentialsResolver.of(BentoMlEnvironment.of(env::get))
				.resolve();
			assertThat(credentials.apiToken()).isEqualTo("file-token");
			assertThat(credentials.source()).startsWith("file:");
		}
	}

}
