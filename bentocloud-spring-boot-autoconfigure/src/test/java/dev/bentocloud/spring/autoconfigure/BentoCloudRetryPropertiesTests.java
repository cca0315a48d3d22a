package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code bentocloud.retry.*} properties reach the auto-configured client: a GET that
 * keeps failing with 503 is sent {@code 1 + max-retries} times. (The client's behaviour
 * for every fault is covered by the client module's {@code FaultMatrixTests}.)
 */
class BentoCloudRetryPropertiesTests {

	private static final String USER = "/api/v1/auth/current";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void autoConfiguredClientBoundsRetriesByMaxAttemptsProperty() {
		this.emulator.get().faults().on("GET", USER).respond(503);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BentoCloudAutoConfiguration.class))
			.withPropertyValues("bentocloud.endpoint=" + this.emulator.get().endpoint(),
					"bentocloud.api-token=" + this.emulator.get().apiToken(), "bentocloud.retry.max-retries=4",
					"bentocloud.retry.initial-backoff=5ms", "bentocloud.retry.max-backoff=20ms",
					"bentocloud.response-timeout=2s")
			.run((context) -> {
				Throwable thrown = catchThrowable(
						() -> context.getBean(BentoCloudClient.class).currentUser().block(Duration.ofSeconds(15)));
				assertThat(thrown).isInstanceOf(BentoCloudApiException.class).hasMessageContaining("status 503");
				assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(5);
			});
	}

}
