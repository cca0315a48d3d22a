package dev.bentocloud.spring.health;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health probes against a rejected token, concurrent, some timing out and some sharing a
 * check in flight, drop no error to Reactor's global hook (which logs a stack trace at
 * ERROR for each).
 */
class HealthDroppedErrorTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	@BeforeEach
	void watchDroppedErrors() {
		// The site of the drop, with the dropped error as its cause.
		Hooks.onErrorDropped((ex) -> this.dropped.add(new IllegalStateException("Dropped here", ex)));
	}

	@AfterEach
	void restore() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void rejectedTokenProbesDropNothing() throws InterruptedException {
		String token = this.emulator.get().createUserWithToken("bob", "bob@example.com");
		this.emulator.get().revokeToken(token);
		for (Duration delay : List.of(Duration.ZERO, Duration.ofMillis(40), Duration.ofMillis(55),
				Duration.ofMillis(60), Duration.ofMillis(65), Duration.ofMillis(90))) {
			this.emulator.get().faults().clear();
			if (!delay.isZero()) {
				this.emulator.get().faults().on("GET", "/api/v1/current_org").delay(delay);
				this.emulator.get().faults().on("GET", "/api/v1/auth/current").delay(delay);
			}
			BentoCloudProperties properties = HealthTestSupport.properties(this.emulator.get().endpoint(), token,
					Duration.ofMillis(60), Duration.ZERO);
			BentoCloudClient client = HealthTestSupport.client(properties);
			BentoCloudHealthIndicator indicator = HealthTestSupport.indicator(client, properties,
					new BentoCloudCredentialsSource("properties:test", null));
			List<Health> results = Flux.range(0, 31)
				.flatMap((i) -> indicator.health(), 8)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(results).hasSize(31)
				.allSatisfy((health) -> assertThat(health.getStatus().getCode()).isEqualTo("DOWN"));
		}
		Thread.sleep(300); // late signals of cancelled calls
		assertThat(this.dropped).as(() -> "errors dropped to Reactor's hook: " + stackTraces()).isEmpty();
	}

	private String stackTraces() {
		StringWriter out = new StringWriter();
		this.dropped.forEach((ex) -> ex.printStackTrace(new PrintWriter(out)));
		return out.toString();
	}

}
