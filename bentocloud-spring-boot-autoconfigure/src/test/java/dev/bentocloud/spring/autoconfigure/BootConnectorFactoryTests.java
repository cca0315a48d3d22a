package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.support.JdkHttpConnector;
import dev.bentocloud.spring.testsupport.NoServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connectors the starter builds from Boot's connector builder: Boot's own, except for
 * the JDK's {@code HttpClient}, where a connector whose response bodies can be cancelled
 * stands in (Spring's caches the body); no server, nothing is called.
 */
class BootConnectorFactoryTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BentoCloudAutoConfiguration.class))
		.withPropertyValues("bentocloud.endpoint=" + NoServer.ENDPOINT, "bentocloud.credentials.bentoml-sources=false",
				"spring.reactor.netty.shutdown-quiet-period=0s");

	@Test
	void theJdkHttpClientGetsACancellableConnector() {
		this.runner.withBean(ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::jdk)
			.run((context) -> assertThat(context.getBean(BentoCloudConnectorFactory.class)
				.create(Duration.ofSeconds(1), Duration.ofSeconds(2))).isInstanceOf(JdkHttpConnector.class));
	}

	@Test
	void otherConnectorsAreBoots() {
		this.runner.withBean(ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::reactor)
			.run((context) -> assertThat(context.getBean(BentoCloudConnectorFactory.class)
				.create(Duration.ofSeconds(1), Duration.ofSeconds(2))).isInstanceOf(ReactorClientHttpConnector.class));
	}

}
