package dev.bentocloud.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
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
 * Calls of the auto-configured client, of a client built from the builder bean for
 * another token, and of a named service's client are observed as
 * {@code http.client.requests} with a path template (no query) and no token.
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

	@Test
	void aListCallIsNamedByItsPathTemplateWithoutItsQuery() {
		this.runner
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.api-token=" + emulator.get().apiToken())
			.run((context) -> {
				context.getBean(BlockingBentoCloudClient.class).deployments().list();
				context.getBean(BlockingBentoCloudClient.class).deployments().list();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("http.client.requests").tag("uri", "/api/v2/deployments").timer()).isNotNull()
					.satisfies((timer) -> assertThat(timer.count()).isEqualTo(2));
				assertThat(registry.find("http.client.requests").timers())
					.allSatisfy((timer) -> assertThat(timer.getId().getTag("uri")).doesNotContain("?", "queryParam"));
			});
	}

	@Test
	void aNamedServiceCallIsObservedWithItsRouteTemplateAndWithoutTheToken() {
		emulator.get().reset();
		emulator.get().seedDeployment("summarizer", "summarizer:1", true);
		String serviceToken = emulator.get().createUserWithToken("svc", "svc@example.com");
		List<Observation.Context> observed = new CopyOnWriteArrayList<>();
		this.runner
			.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.api-token=" + emulator.get().apiToken(),
					"bentocloud.services.summarizer.url=" + emulator.get().deploymentUrl("summarizer"),
					"bentocloud.services.summarizer.token=" + serviceToken)
			.withBean(ObservationHandler.class, () -> new Recorder(observed))
			.run((context) -> {
				BentoServiceClient summarizer = context.getBean(BentoServiceClients.class).get("summarizer");
				assertThat(summarizer.blocking().call("summarize", Map.of("text", "observed"), String.class))
					.isEqualTo("Summary: observed");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("http.client.requests").tag("uri", "/summarize").timer()).isNotNull()
					.satisfies((timer) -> assertThat(timer.count()).isOne());
				assertThat(observed).isNotEmpty().allSatisfy((observation) -> {
					String keyValues = observation.getLowCardinalityKeyValues() + " "
							+ observation.getHighCardinalityKeyValues();
					assertThat(keyValues).doesNotContain(serviceToken).doesNotContain(emulator.get().apiToken());
				});
				assertThat(observed).anySatisfy((observation) -> assertThat(observation.getLowCardinalityKeyValues())
					.contains(KeyValue.of("uri", "/summarize")));
			});
	}

	/** Keeps every observation context once stopped, with all its key values. */
	private record Recorder(List<Observation.Context> observed) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			this.observed.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
