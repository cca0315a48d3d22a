package dev.bentocloud.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's reset: back to the seeded state, with no recorded requests or fault
 * rules.
 */
class ResetTests {

	@Test
	void resetGoesBackToTheSeededStateAndForgetsRequestsAndFaults() {
		try (BentoCloudEmulator emulator = BentoCloudEmulator.builder().seedDemoData(true).start()) {
			Http http = new Http(emulator.endpoint(), emulator.apiToken());
			int seededTokens = http.getJson("/api/v1/api_tokens?count=100").get("items").size();
			String alice = emulator.createUserWithToken("alice", "alice@example.com");
			emulator.seedApiTokens(3);
			emulator.seedDeployment("extra", "extra:v1", false);
			emulator.setDeploymentStatus("demo-iris", "failed");
			emulator.faults().on("GET", "/api/v1/current_org").times(5).respond(503);
			emulator.revokeToken(emulator.apiToken());
			assertThat(http.get("/api/v1/auth/current").statusCode()).isEqualTo(401);

			emulator.reset();

			assertThat(emulator.requests()).isEmpty();
			assertThat(emulator.requestCount("*", "/api/v1/auth/current")).isZero();
			assertThat(emulator.faults().rules()).isEmpty();
			assertThat(http.getJson("/api/v1/auth/current").get("name").stringValue()).isEqualTo("demo");
			assertThat(http.get("/api/v1/current_org").statusCode()).isEqualTo(200);
			assertThat(http.getJson("/api/v1/api_tokens?count=100").get("items").size()).isEqualTo(seededTokens);
			assertThat(http.withToken(alice).get("/api/v1/auth/current").statusCode()).isEqualTo(401);
			assertThat(emulator.deploymentStatus("demo-iris")).isEqualTo("running");
			assertThat(http.get("/api/v2/deployments/extra?cluster=default").statusCode()).isEqualTo(404);
			// A user of the same name can be added again.
			emulator.createUserWithToken("alice", "alice@example.com");
		}
	}

}
