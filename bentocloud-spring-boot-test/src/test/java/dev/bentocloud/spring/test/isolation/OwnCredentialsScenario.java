package dev.bentocloud.spring.test.isolation;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import dev.bentocloud.spring.test.isolation.OwnCredentialsApplication.PlainJavaClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A user's test with the annotation of an application with its own credentials, run by
 * {@link DeveloperCredentialsTests} in a child JVM whose environment holds a developer's
 * BentoCloud credentials and a secrets manager's, all on a server that counts requests.
 */
@SpringBootTest(classes = OwnCredentialsApplication.class)
@AutoConfigureBentoCloudEmulator
class OwnCredentialsScenario {

	@Autowired
	BentoCloudEmulator emulator;

	@Autowired
	BlockingBentoCloudClient client;

	@Autowired
	BentoCloudConnectionDetails connectionDetails;

	@Autowired
	ObjectProvider<BentoCloudClientBuilder> builder;

	@Autowired
	PlainJavaClient plainJavaClient;

	@Test
	void everyClientReachesTheEmulator() {
		// Softly: every way of building a client is tried, and the report lists each
		// that did not reach the emulator.
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(userOf(this.client)).as("auto-configured client").isEqualTo("demo");
			softly.assertThat(userOf(this.builder.getObject().build().blocking()))
				.as("client from the BentoCloudClientBuilder bean")
				.isEqualTo("demo");
			softly.assertThat(userOf(this.plainJavaClient.client().blocking()))
				.as("client built at startup from BentoML's chain")
				.isEqualTo("demo");
			BentoCloudCredentials credentials = BentoCloudCredentialsResolver.bentoml().resolve();
			softly.assertThat(credentials.endpoint())
				.as("endpoint of BentoML's chain")
				.isEqualTo(this.emulator.endpoint());
			softly.assertThat(credentials.apiToken())
				.as("token of BentoML's chain")
				.isEqualTo(this.emulator.apiToken());
			softly.assertThat(userOf(BentoCloudClient.builder().credentials(credentials).build().blocking()))
				.as("client built in the test from BentoML's chain")
				.isEqualTo("demo");
			softly.assertThat(this.connectionDetails.getSource()).isEqualTo("emulator");
			softly.assertThat(this.emulator.requestCount("GET", "/api/v1/auth/current")).isEqualTo(4);
		});
	}

	private static String userOf(BlockingBentoCloudClient client) {
		try {
			return client.currentUser().name();
		}
		catch (RuntimeException ex) {
			return "failed: " + ex.getClass().getSimpleName();
		}
	}

}
