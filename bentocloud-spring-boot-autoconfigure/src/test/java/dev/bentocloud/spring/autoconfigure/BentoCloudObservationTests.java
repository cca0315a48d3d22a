package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.emulator.BentoCloudEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls of the auto-configured client, and of a client built from the builder bean for
 * another token, are observed as {@code http.client.requests} with a path template and no
 * token.
 */
class BentoCloudObservationTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, BentoCloudAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void theAutoConfiguredClientAndTheBuilderBeanAreObserved() {
		this.runner
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.api-token=" + emulator.get().apiToken())
			.run((context) -> {
				context.getBean(BlockingBentoCloudClient.class).currentUser();
				String other = emulator.get().createUserWithToken("other", "other@example.com");
				BentoCloudClient built = context.getBean(BentoCloudClientBuilder.class).apiToken(other).build();
				built.blocking().currentOrganization();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("http.client.requests").tag("uri", "/api/v1/auth/current").timer()).isNotNull()
					.satisfies((timer) -> assertThat(timer.count()).isOne());
				assertThat(registry.find("http.client.requests").tag("uri", "/api/v1/current_org").timer()).isNotNull();
				assertThat(registry.getMeters()).allSatisfy(
						(meter) -> assertThat(meter.getId().toString()).doesNotContain(emulator.get().apiToken())
							.doesNotContain(other));
			});
	}

}
