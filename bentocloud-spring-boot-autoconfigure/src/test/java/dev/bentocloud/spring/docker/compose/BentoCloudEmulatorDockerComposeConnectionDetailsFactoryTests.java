package dev.bentocloud.spring.docker.compose;

import java.net.URI;
import java.util.Map;

import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSources;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which Docker Compose services
 * {@link BentoCloudEmulatorDockerComposeConnectionDetailsFactory} connects to, found
 * through {@code META-INF/spring.factories} as Spring Boot finds it, and the endpoint,
 * token and source it derives from a running service.
 */
class BentoCloudEmulatorDockerComposeConnectionDetailsFactoryTests {

	private static final Map<String, String> TOKEN = Map.of("BENTOCLOUD_EMULATOR_TOKEN", "compose-token-7f3a");

	@Test
	void theEmulatorImageGetsTheServicesEndpointTokenAndSource() {
		BentoCloudConnectionDetails details = connectionDetails(
				TestRunningService.of("bentocloud", "bentocloud-emulator:0.1.0-SNAPSHOT", TOKEN));
		assertThat(details).isNotNull();
		assertThat(details.getEndpoint()).isEqualTo(URI.create("http://127.0.0.1:32768"));
		assertThat(details.getApiToken()).isEqualTo("compose-token-7f3a");
		assertThat(details.getSource()).isEqualTo("docker-compose:bentocloud");
		assertThat(details.toCredentials().apiToken()).isEqualTo("compose-token-7f3a");
		assertThat(details.toString()).contains("http://127.0.0.1:32768").doesNotContain("compose-token-7f3a");
	}

	@Test
	void anotherImageNameConnectsWithTheServiceConnectionLabel() {
		TestRunningService unlabelled = TestRunningService.of("emulator", "bentocloud-local/emulator:it", TOKEN);
		assertThat(connectionDetails(unlabelled)).isNull();
		TestRunningService labelled = unlabelled
			.withLabels(Map.of("org.springframework.boot.service-connection", "bentocloud-emulator"));
		assertThat(connectionDetails(labelled)).isNotNull()
			.extracting(BentoCloudConnectionDetails::getEndpoint)
			.isEqualTo(URI.create("http://127.0.0.1:32768"));
	}

	@Test
	void otherServicesAreNotBentoCloud() {
		assertThat(connectionDetails(TestRunningService.of("redis", "redis:7", TOKEN))).isNull();
		assertThat(connectionDetails(TestRunningService.of("other", "acme/bentocloud-emulator:1", TOKEN))).isNull();
	}

	@Test
	void anEmulatorWithoutTheTokenVariableIsNamedAsTheProblem() {
		RunningService service = TestRunningService.of("bentocloud", "bentocloud-emulator", Map.of());
		assertThatIllegalStateException().isThrownBy(() -> connectionDetails(service))
			.withMessageContaining("'bentocloud'")
			.withMessageContaining("BENTOCLOUD_EMULATOR_TOKEN");
	}

	private static BentoCloudConnectionDetails connectionDetails(RunningService service) {
		Map<Class<?>, ConnectionDetails> all = new ConnectionDetailsFactories(null)
			.getConnectionDetails(TestDockerComposeConnectionSources.of(service, new MockEnvironment()), false);
		return (BentoCloudConnectionDetails) all.get(BentoCloudConnectionDetails.class);
	}

}
