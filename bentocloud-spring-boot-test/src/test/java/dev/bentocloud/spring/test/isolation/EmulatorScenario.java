package dev.bentocloud.spring.test.isolation;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test with the annotation, run by {@link DeveloperCredentialsTests} in a child
 * JVM whose environment holds a developer's BentoCloud credentials (not by Surefire: no
 * "Tests" suffix).
 */
@SpringBootTest
@AutoConfigureBentoCloudEmulator
class EmulatorScenario {

	@Autowired
	BentoCloudEmulator emulator;

	@Autowired
	BlockingBentoCloudClient client;

	@Autowired
	BentoCloudConnectionDetails connectionDetails;

	@Autowired
	BentoCloudHealthIndicator healthIndicator;

	@Autowired
	Environment environment;

	@Test
	void usesTheEmulatorOnly() {
		assertThat(this.connectionDetails.getSource()).isEqualTo("emulator");
		// BentoML's sources were not even read: the developer's token is nowhere in the
		// environment.
		assertThat(BentoCloudCredentialsSource.from(this.environment).source()).isEqualTo("none");
		assertThat(this.environment.getProperty("bentocloud.api-token")).isNull();
		assertThat(this.client.currentUser().name()).isEqualTo("demo");
		assertThat(this.client.apiTokens().list()).isNotEmpty();
		assertThat(this.healthIndicator.health().block().getStatus()).isEqualTo(Status.UP);
		assertThat(this.emulator.requestCount("GET", "/api/v1/auth/current")).isEqualTo(2);
	}

}
