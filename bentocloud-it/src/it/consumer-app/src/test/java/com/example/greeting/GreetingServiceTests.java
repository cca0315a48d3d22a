package com.example.greeting;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's test, on the emulator, on a machine whose BENTO_CLOUD_API_KEY,
 * BENTO_CLOUD_API_ENDPOINT and .yatai.yaml point at the developer's account (see the
 * surefire configuration): that account receives zero requests.
 */
@Order(1)
@SpringBootTest
@AutoConfigureBentoCloudEmulator
class GreetingServiceTests {

	// Listening before the context starts, so that a call at startup would be seen too.
	static final DeveloperAccount developerAccount = DeveloperAccount.get();

	@Autowired
	GreetingService greetings;

	@Autowired
	BentoCloudEmulator emulator;

	@Autowired
	BentoCloudHealthIndicator bentocloudHealthIndicator;

	@Test
	void greetsTheEmulatorsUser() {
		assertThat(this.greetings.greeting()).isEqualTo("Hello, demo!");
		assertThat(this.emulator.requestCount("GET", "/api/v1/auth/current")).isEqualTo(1);
		assertThat(developerAccount.requests()).isEmpty();
	}

	@Test
	void healthIsUpOnTheEmulator() {
		Health health = this.bentocloudHealthIndicator.health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("endpoint", this.emulator.endpoint());
		assertThat(developerAccount.requests()).isEmpty();
	}

	@AfterAll
	static void theDeveloperAccountReceivedZeroRequests() {
		assertThat(developerAccount.requests()).isEmpty();
	}

}
