package dev.bentocloud.sample.web;

import java.time.Duration;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} of the running sample with faults injected into the emulator
 * it talks to. Caching is off here ({@code cache-ttl=0}) so that each probe sees the
 * fault of its test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bentocloud.health.cache-ttl=0", "bentocloud.health.timeout=1s",
				// the details are for authorized callers; these tests play the operator
				// who opts in
				"management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always",
				"bentocloud.retry.max-attempts=1" })
@AutoConfigureBentoCloudEmulator
@AutoConfigureWebTestClient
class SampleHealthTests {

	private static final String CURRENT_USER = "/api/v1/auth/current";

	@Autowired
	private WebTestClient web;

	@Autowired
	private BentoCloudEmulator emulator;

	@Test
	void upWithTheBentocloudComponentAndItsDetails() {
		String body = health(200).jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bentocloud.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bentocloud.details.user")
			.isEqualTo("demo")
			.jsonPath("$.components.bentocloud.details.organization")
			.isEqualTo("acme")
			.jsonPath("$.components.bentocloud.details.endpoint")
			.isEqualTo(this.emulator.endpoint())
			.jsonPath("$.components.bentocloud.details.credentialsSource")
			.isEqualTo("emulator")
			.returnResult()
			.toString();
		assertThat(body).doesNotContain(this.emulator.apiToken());
	}

	@Test
	void rejectedTokenIsDownWithTheReasonAndWhatToDo() {
		this.emulator.faults().on("GET", CURRENT_USER).respond(401);
		String body = health(503).jsonPath("$.components.bentocloud.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.bentocloud.details.error")
			.isEqualTo("unauthenticated")
			.jsonPath("$.components.bentocloud.details.action")
			.value((String action) -> assertThat(action).contains("bentoml cloud login"))
			.returnResult()
			.toString();
		assertThat(body).doesNotContain(this.emulator.apiToken());
	}

	@Test
	void serviceUnavailableIsDownWithStatusAndTraceId() {
		this.emulator.faults().on("GET", CURRENT_USER).respond(503).header("x-trace-id", "trace-503");
		health(503).jsonPath("$.components.bentocloud.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.bentocloud.details.status")
			.isEqualTo(503)
			.jsonPath("$.components.bentocloud.details.traceId")
			.isEqualTo("trace-503");
	}

	@Test
	void slowServerIsDownWithATimeoutInsteadOfAHangingProbe() {
		this.emulator.faults().on("GET", CURRENT_USER).delay(Duration.ofSeconds(10));
		health(503).jsonPath("$.components.bentocloud.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.bentocloud.details.error")
			.isEqualTo("timeout");
	}

	private WebTestClient.BodyContentSpec health(int status) {
		return this.web.mutate()
			.responseTimeout(Duration.ofSeconds(8))
			.build()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody();
	}

}
