package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.ServiceApi;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK connector the starter builds, on the emulator: cancelling a stream ends it on
 * the server.
 */
class BootConnectorFactoryIntegrationTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BentoCloudAutoConfiguration.class))
		.withPropertyValues("bentocloud.credentials.bentoml-sources=false",
				"spring.reactor.netty.shutdown-quiet-period=0s");

	@Test
	void cancellingAStreamOnTheJdkConnectorEndsIt() {
		BentoCloudEmulator server = emulator.get();
		server.reset();
		AtomicInteger produced = new AtomicInteger();
		server.seedDeployment("endless", "endless:1", false);
		server.serveApi("endless", ServiceApi.named("Endless")
			.route(ApiRoute.stream("generate").param("prompt", "string").chunks((call) -> new Iterator<>() {

				@Override
				public boolean hasNext() {
					return true;
				}

				@Override
				public String next() {
					return "chunk-" + produced.incrementAndGet() + " ";
				}

			}).chunkPause(Duration.ofMillis(10))));
		this.runner.withBean(ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::jdk).run((context) -> {
			BentoServiceClientFactory services = BentoServiceClientFactory.builder()
				.connectorFactory(context.getBean(BentoCloudConnectorFactory.class))
				.build();
			List<String> first = services.create(URI.create(server.deploymentUrl("endless")))
				.stream("generate", Map.of("prompt", "x"))
				.take(3)
				.collectList()
				.block(Duration.ofSeconds(5));
			assertThat(first).hasSize(3);
			Thread.sleep(500);
			int afterCancel = produced.get();
			Thread.sleep(500);
			assertThat(produced.get()).as("chunks produced after the cancel").isLessThanOrEqualTo(afterCancel + 1);
		});
	}

}
