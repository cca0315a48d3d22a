package dev.bentocloud.spring.test.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.utility.MountableFile;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What can be checked without a Docker engine; EmulatorServiceConnectionIT
 * (bentocloud-it) runs it.
 */
class BentoCloudEmulatorContainerTests {

	@Test
	void commandCarriesTokenSeedAndHostNetworkPort() {
		BentoCloudEmulatorContainer container = new BentoCloudEmulatorContainer("bentocloud-emulator:test")
			.withApiToken("fixed-token")
			.withSeed(MountableFile.forClasspathResource("emulator-seed.yaml"))
			.withHostNetwork();
		container.configure();
		assertThat(container.getCommandParts()).startsWith("--token", "fixed-token", "--seed",
				"/etc/bentocloud-emulator/seed.yaml", "--host", "127.0.0.1", "--port");
		assertThat(container.getExposedPorts()).isEmpty();
		assertThat(container.getNetworkMode()).isEqualTo("host");
		assertThat(container.getEndpoint()).matches("http://127\\.0\\.0\\.1:[0-9]+");
		assertThat(container.toString()).doesNotContain("fixed-token");
	}

	@Test
	void publishedPortByDefault() {
		BentoCloudEmulatorContainer container = new BentoCloudEmulatorContainer("bentocloud-emulator:test");
		container.configure();
		assertThat(container.getCommandParts()).containsExactly("--token", container.getApiToken());
		assertThat(container.getApiToken()).matches("emulator-[0-9a-f]{48}")
			.isNotEqualTo(new BentoCloudEmulatorContainer("bentocloud-emulator:test").getApiToken());
		assertThat(container.getExposedPorts()).containsExactly(BentoCloudEmulatorContainer.PORT);
		assertThatIllegalArgumentException().isThrownBy(() -> container.withApiToken(" "));
	}

	@Test
	void theConnectionDetailsFactoryIsRegisteredForServiceConnection() {
		// Others' factories may need classes not on this class path: ignore those.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class, (type, name, failure) -> {
			})).hasAtLeastOneElementOfType(BentoCloudEmulatorContainerConnectionDetailsFactory.class);
	}

}
