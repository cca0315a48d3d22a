package dev.bentocloud.client.docs;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit example of {@code docs/emulator.md}, word for word ({@link EmulatorDocsTests}
 * checks that the page shows this code).
 */
class TokenListTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(true));

	@Test
	void listsTokens() {
		BentoCloudClient client = BentoCloudClient.builder()
			.endpoint(emulator.get().endpoint())
			.apiToken(emulator.get().apiToken())
			.build();
		assertThat(client.blocking().apiTokens().list()).isNotEmpty();
	}

}
