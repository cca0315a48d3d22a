package com.example.greeting;

import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The control: the same test without {@code @AutoConfigureBentoCloudEmulator} does reach
 * the developer's account with the API key from the environment, so the zero of
 * {@link GreetingServiceTests} means something. Runs after it (junit-platform.properties).
 */
@Order(2)
@SpringBootTest
class WithoutTheEmulatorTests {

	static final DeveloperAccount developerAccount = DeveloperAccount.get();

	@Autowired
	GreetingService greetings;

	@Test
	void theDevelopersCredentialsWouldBeUsed() {
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class).isThrownBy(this.greetings::greeting);
		assertThat(developerAccount.requests())
			.containsExactly("GET /api/v1/auth/current token=developer-real-api-key-0f3e9a");
	}

}
