package dev.bentocloud.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code compose.yaml} describes the emulator service as the starter's
 * Docker Compose support expects it: the image name it matches, the token variable, the
 * port 3000 published on loopback only, and no registry pull.
 */
class ComposeFileTests {

	@Test
	void theEmulatorServiceIsWhatTheDockerComposeSupportConnectsTo() {
		JsonNode service = YAMLMapper.builder()
			.build()
			.readTree(Path.of("compose.yaml").toFile())
			.path("services")
			.path("bentocloud");
		assertThat(service.path("image").stringValue()).startsWith("bentocloud-emulator:");
		assertThat(service.path("pull_policy").stringValue()).isEqualTo("never");
		assertThat(service.path("environment").path("BENTOCLOUD_EMULATOR_TOKEN").stringValue()).isNotBlank();
		assertThat(service.path("ports").get(0).stringValue()).isEqualTo("127.0.0.1::3000");
	}

}
