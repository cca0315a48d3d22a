package dev.bentocloud.spring.test.emulator;

import java.util.Map;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @AutoConfigureBentoCloudEmulator} in a {@code @SpringBootTest}: clients, seeded
 * data, faults and health go to the emulator, which is reset after each test.
 */
@SpringBootTest
@AutoConfigureBentoCloudEmulator(seedDemoData = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureBentoCloudEmulatorTests {

	@Autowired
	BentoCloudEmulator emulator;

	@Autowired
	BentoCloudClient client;

	@Autowired
	BlockingBentoCloudClient blockingClient;

	@Autowired
	BentoCloudConnectionDetails connectionDetails;

	@Autowired
	BentoCloudHealthIndicator healthIndicator;

	@Test
	@Order(1)
	void theClientsTalkToTheEmulatorWithItsToken() {
		assertThat(this.connectionDetails.getEndpoint()).hasToString(this.emulator.endpoint());
		assertThat(this.connectionDetails.getSource()).isEqualTo("emulator");
		assertThat(this.connectionDetails.toString()).doesNotContain(this.emulator.apiToken());
		assertThat(this.emulator.endpoint()).startsWith("http://127.0.0.1:");

		assertThat(this.blockingClient.currentUser().name()).isEqualTo("demo");
		assertThat(this.client.currentOrganization().block().name()).isEqualTo("acme");

		assertThat(this.emulator.requests()).extracting(RecordedRequest::path)
			.containsExactly("/api/v1/auth/current", "/api/v1/current_org");
		assertThat(this.emulator.requests()).allSatisfy(
				(request) -> assertThat(request.header("X-YATAI-API-TOKEN")).isEqualTo(this.emulator.apiToken()));
	}

	@Test
	@Order(2)
	void seededDataAndWritesGoThroughTheEmulator() {
		this.emulator.seedDeployment("iris", "iris:abc123", false);
		assertThat(this.blockingClient.deployments().list()).extracting(Deployment::name)
			.containsExactlyInAnyOrder("demo-iris", "iris");
		ApiToken created = this.blockingClient.apiTokens().create(CreateApiTokenRequest.named("left-behind"));
		assertThat(created.name()).isEqualTo("left-behind");
		assertThat(this.emulator.requestCount("POST", "/api/v1/api_tokens")).isEqualTo(1);
		this.emulator.faults().on("GET", "/api/v1/auth/current").respond(500);
	}

	@Test
	@Order(3)
	void theEmulatorWasResetAfterThePreviousTest() {
		assertThat(this.emulator.requests()).isEmpty();
		assertThat(this.emulator.faults().rules()).isEmpty();
		assertThat(this.blockingClient.apiTokens().list()).extracting(ApiToken::name)
			.doesNotContain("left-behind")
			.contains("demo", "ci", "read-only");
		assertThat(this.blockingClient.deployments().list()).extracting(Deployment::name).containsExactly("demo-iris");
	}

	@Test
	@Order(4)
	void faultsReachTheClient() {
		this.emulator.faults().on("GET", "/api/v1/auth/current").respond(401);
		assertThatExceptionOfType(dev.bentocloud.client.BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> this.blockingClient.currentUser())
			.withMessageNotContaining(this.emulator.apiToken());
	}

	@Test
	@Order(5)
	void theHealthIndicatorChecksTheEmulator() {
		Health health = this.healthIndicator.health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		Map<String, Object> details = health.getDetails();
		assertThat(details).containsEntry("endpoint", this.emulator.endpoint())
			.containsEntry("user", "demo")
			.containsEntry("organization", "acme")
			.containsEntry("credentialsSource", "emulator");
		assertThat(details.toString()).doesNotContain(this.emulator.apiToken());
		assertThat(this.emulator.requestCount("GET", "/api/v1/auth/current")).isEqualTo(1);
	}

}
