package dev.bentocloud.it;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import dev.bentocloud.spring.test.testcontainers.BentoCloudEmulatorContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator image with {@code @ServiceConnection}, as an application's own test uses
 * it: the auto-configured client talks to the container with its fixed token and seed.
 * Host networking, like the other container tests (the engine of {@code .ci/docker-setup}
 * has no bridge network).
 */
@EnabledIfDockerAvailable
@Testcontainers
@SpringBootTest(classes = EmulatorServiceConnectionIT.App.class,
		properties = "bentocloud.credentials.bentoml-sources=false")
class EmulatorServiceConnectionIT {

	private static final String TOKEN = "it-emulator-token-5d2c";

	@Container
	@ServiceConnection
	static BentoCloudEmulatorContainer bentoCloud = new BentoCloudEmulatorContainer(new EmulatorImage())
		.withHostNetwork()
		.withApiToken(TOKEN)
		.withSeed(MountableFile.forClasspathResource("emulator-seed.yaml"));

	@Autowired
	BentoCloudConnectionDetails connectionDetails;

	@Autowired
	BlockingBentoCloudClient client;

	@Test
	void theAutoConfiguredClientUsesTheContainer() {
		assertThat(this.connectionDetails.getEndpoint()).hasToString(bentoCloud.getEndpoint());
		assertThat(this.connectionDetails.getApiToken()).isEqualTo(TOKEN);
		assertThat(this.connectionDetails.getSource()).startsWith("container:");
		assertThat(this.client.currentUser().name()).isEqualTo("demo");
		assertThat(this.client.currentOrganization().name()).isEqualTo("acme");
		assertThat(this.client.deployments().list()).extracting(Deployment::name).containsExactly("iris");
		assertThat(bentoCloud.getLogs()).doesNotContain("it-ci-token");
	}

	@Test
	void theImageRunsAsAnUnprivilegedUser() {
		String user = bentoCloud.getContainerInfo().getConfig().getUser();
		assertThat(user).isNotBlank().isNotEqualTo("root").doesNotStartWith("0:").isNotEqualTo("0");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
