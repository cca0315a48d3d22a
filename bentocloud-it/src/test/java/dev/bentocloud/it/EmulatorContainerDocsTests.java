package dev.bentocloud.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.spring.test.testcontainers.BentoCloudEmulatorContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Testcontainers example of {@code docs/emulator.md} compiles as the nested
 * {@link DeploymentsIT}, which is not run (it names an image tag a build does not have;
 * {@link EmulatorServiceConnectionIT} runs the same set-up on the image it builds).
 */
class EmulatorContainerDocsTests {

	@Test
	void theDocsShowThisCode() throws IOException {
		String doc = Files.readString(Path.of("../docs/emulator.md"));
		int section = doc.indexOf("## Testcontainers");
		assertThat(section).isNotNegative();
		int start = doc.indexOf("```java\n", section) + 8;
		String snippet = doc.substring(start, doc.indexOf("```", start));
		assertThat(snippet).contains("import ").contains("class DeploymentsIT {");
		String source = normalize(
				Files.readString(Path.of("src/test/java/dev/bentocloud/it/EmulatorContainerDocsTests.java")));
		for (String line : snippet.split("\n")) {
			assertThat(source).as("docs line: " + line).contains(normalize(line));
		}
	}

	private static String normalize(String text) {
		return text.replaceAll("//[^\n]*", "").replace("static ", "").replaceAll("\\s+", "");
	}

	@Testcontainers(disabledWithoutDocker = true) // skipped, not failed, without Docker
	// leave your credentials alone
	@SpringBootTest(properties = "bentocloud.credentials.bentoml-sources=false")
	static class DeploymentsIT {

		@Container
		@ServiceConnection
		static BentoCloudEmulatorContainer bentoCloud = new BentoCloudEmulatorContainer(
				"bentocloud-emulator:0.1.0-SNAPSHOT")
			.withApiToken("test-token") // default: a random token
			.withSeed(MountableFile.forClasspathResource("bentocloud-seed.yaml"));

		@Autowired
		BlockingBentoCloudClient client;

		@Test
		void listsTheSeededDeployments() {
			assertThat(this.client.deployments().list()).extracting(Deployment::name).contains("iris");
		}

	}

}
