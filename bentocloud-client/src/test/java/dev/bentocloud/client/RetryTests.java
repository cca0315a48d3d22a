package dev.bentocloud.client;

import java.time.Duration;

import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The management client's retries: which statuses and methods are retried, how often, and
 * how long it waits.
 */
class RetryTests {

	private static final String USER = "/api/v1/auth/current";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void getIsRetriedOnTransientStatusesAndSucceeds() {
		this.emulator.get().faults().on("GET", USER).times(1).respond(502);
		this.emulator.get().faults().on("GET", USER).times(1).respond(504);
		assertThat(EmulatorSupport.client(this.emulator.get()).blocking().currentUser().name()).isEqualTo("demo");
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(3);
	}

	@Test
	void getIsRetriedUpToMaxAttempts() {
		this.emulator.get().faults().on("GET", USER).respond(503);
		BlockingBentoCloudClient client = EmulatorSupport.clientBuilder(this.emulator.get())
			.retry(2, Duration.ofMillis(5), Duration.ofMillis(20))
			.build()
			.blocking();
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(client::currentUser);
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(3);
	}

	@Test
	void zeroMaxAttemptsDisablesRetries() {
		this.emulator.get().faults().on("GET", USER).respond(503);
		BlockingBentoCloudClient client = EmulatorSupport.clientBuilder(this.emulator.get())
			.retry(0, Duration.ofMillis(5), Duration.ofMillis(20))
			.build()
			.blocking();
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(client::currentUser);
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);
	}

	@Test
	void tooManyRequestsHonoursRetryAfterCappedByMaxBackoff() {
		this.emulator.get().faults().on("GET", USER).times(1).respond(429).header("Retry-After", "1");
		BlockingBentoCloudClient client = EmulatorSupport.clientBuilder(this.emulator.get())
			.retry(3, Duration.ofMillis(5), Duration.ofMillis(400))
			.build()
			.blocking();
		long start = System.nanoTime();
		assertThat(client.currentUser().name()).isEqualTo("demo");
		long waitedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
		System.out.println("429 with Retry-After: 1 then success after " + waitedMs + " ms (cap 400 ms)");
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(2);
	}

	@Test
	void clientErrorsAreNotRetried() {
		this.emulator.get().faults().on("GET", USER).respond(500);
		assertThatExceptionOfType(BentoCloudApiException.class)
			.isThrownBy(() -> EmulatorSupport.client(this.emulator.get()).blocking().currentUser());
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);
	}

	@Test
	void writesAreNeverRetried() {
		BlockingBentoCloudClient client = EmulatorSupport.client(this.emulator.get()).blocking();
		client.deployments().create(DeploymentConfig.of("svc", "iris:1"));
		this.emulator.get().faults().on("*", "/api/v2/deployments/svc*").respond(503);
		this.emulator.get().faults().on("POST", "/api/v2/deployments").respond(503);
		assertThatExceptionOfType(BentoCloudApiException.class)
			.isThrownBy(() -> client.deployments().create(DeploymentConfig.of("other", "iris:1")));
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(() -> client.deployments().terminate("svc"));
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(() -> client.deployments().delete("svc"));
		assertThat(this.emulator.get().requestCount("POST", "/api/v2/deployments")).isEqualTo(2);
		assertThat(this.emulator.get().requestCount("POST", "/api/v2/deployments/svc/terminate")).isEqualTo(1);
		assertThat(this.emulator.get().requestCount("DELETE", "/api/v2/deployments/svc")).isEqualTo(1);
	}

}
