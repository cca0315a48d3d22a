package dev.bentocloud.spring.test.emulator;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.emulator.BentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code seed} attribute of {@code @AutoConfigureBentoCloudEmulator}: the seed file
 * is applied, and reset restores it.
 */
@SpringBootTest
@AutoConfigureBentoCloudEmulator(seed = "classpath:bentocloud-seed.yaml")
class SeedAttributeTests {

	@Autowired
	BentoCloudEmulator emulator;

	@Autowired
	BlockingBentoCloudClient client;

	@Test
	void theSeedFileIsApplied() {
		assertThat(this.emulator.apiToken()).isEqualTo("seeded-demo-token");
		assertThat(this.client.deployments().list()).extracting(Deployment::name).containsExactly("iris");
		this.emulator.revokeToken("seeded-ci-token");
	}

	@Test
	void theSeedIsWhatResetRestores() {
		this.emulator.revokeToken("seeded-alice-token");
		this.emulator.createUserWithToken("bob", "bob@example.com");
		this.emulator.reset();
		assertThat(this.client.apiTokens().list()).extracting("name").contains("demo", "ci");
		assertThat(this.emulator.createUserWithToken("bob", "bob@example.com")).as("bob was removed").isNotBlank();
		this.emulator.revokeToken("seeded-alice-token");
	}

}
