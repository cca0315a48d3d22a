package dev.bentocloud.client.docs;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.DeploymentOperations;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.Scaling;
import dev.bentocloud.client.model.ServiceConfig;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Calling the management API" example, run against the emulator; the test
 * checks that the README shows this code.
 */
class ManagementApiDocsTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void deploymentLifecycle() {
		BentoCloudClient bentoCloud = BentoCloudClient.builder()
			.endpoint(emulator.get().endpoint())
			.apiToken(emulator.get().apiToken())
			.build();
		// snippet: as the README shows it
		DeploymentOperations deployments = bentoCloud.deployments();
		deployments
			.create(DeploymentConfig.of("iris", "iris:abc123")
				.withService("IrisClassifier", ServiceConfig.of("cpu.2", Scaling.of(1, 3))))
			.thenMany(deployments.waitUntilReady("iris", Duration.ofMinutes(10)))
			.then(deployments.update(DeploymentConfig.of("iris", null)
				.withService("IrisClassifier", ServiceConfig.of(null, Scaling.of(null, 5)))))
			.then(deployments.terminate("iris"))
			.block();
		// end of snippet
		Deployment iris = bentoCloud.blocking().deployments().get("iris").orElseThrow();
		assertThat(iris.status()).isIn("terminating", "terminated");
		assertThat(emulator.get().requestCount("PUT", "/api/v2/deployments/iris")).isEqualTo(1);
	}

	@Test
	void theReadmeShowsThisCode() throws IOException {
		List<String> blocks = DocSnippets.javaBlocks("README.md", "## Calling the management API");
		assertThat(blocks).hasSize(1);
		DocSnippets.assertShownIn(blocks.get(0), getClass());
	}

}
