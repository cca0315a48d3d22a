package dev.bentocloud.client.docs;

import java.io.IOException;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.client.credentials.TestCredentialsOverride;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java example of {@code docs/credentials.md}: BentoML's chain resolved (here
 * redirected to the emulator, so that the developer's own credentials stay out of it), a
 * client built on it, one call over HTTP.
 */
class CredentialsDocsTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void theClientWithoutSpringBoot() {
		BentoCloudCredentials emulated = new BentoCloudCredentials(emulator.get().endpoint(), emulator.get().apiToken(),
				"emulator", List.of());
		try (TestCredentialsOverride.Installation override = TestCredentialsOverride.install(() -> emulated)) {
			// snippet: as docs/credentials.md shows it
			// BENTO_CLOUD_API_KEY (+ BENTO_CLOUD_API_ENDPOINT),
			// else the selected context of .yatai.yaml
			BentoCloudCredentials credentials = BentoCloudCredentialsResolver.bentoml().resolve();
			BentoCloudClient client = BentoCloudClient.builder().credentials(credentials).build();
			System.out.println(client.blocking().currentUser().email());
			// end of snippet
			assertThat(client.blocking().currentUser().name()).isEqualTo("demo");
			assertThat(credentials.source()).startsWith(TestCredentialsOverride.SOURCE_PREFIX);
		}
	}

	@Test
	void theDocsShowThisCode() throws IOException {
		List<String> blocks = DocSnippets.javaBlocks("docs/credentials.md", "## The client without Spring Boot");
		assertThat(blocks).hasSize(1);
		DocSnippets.assertShownIn(blocks.get(0), getClass());
	}

}
