package dev.bentocloud.client.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import org.junit.jupiter.params.provider.Arguments;

/** Factories for the service client tests, on both connectors. */
final class ServiceTestSupport {

	static final String TOKEN = "svc-token-0123456789";

	static final String SCHEMA = read("service/example-schema.json");

	private ServiceTestSupport() {
	}

	static BentoServiceClientFactory.Builder factory(BentoCloudConnectorFactory connectors) {
		return BentoServiceClientFactory.builder()
			.connectorFactory(connectors)
			.connectTimeout(Duration.ofSeconds(2))
			.callTimeout(Duration.ofSeconds(5))
			.streamIdleTimeout(Duration.ofSeconds(5))
			.defaultToken(TOKEN);
	}

	/** A blocking client of the service at the URL, on Reactor Netty. */
	static BlockingBentoServiceClient blockingClient(URI url) {
		return factory(BentoCloudConnectorFactory.reactorNetty()).build().create(url).blocking();
	}

	/** A scripted service that answers its schema, the contract's example service. */
	static ScriptedService scriptedService() {
		return new ScriptedService().json("GET /schema.json", 200, SCHEMA);
	}

	static Stream<Arguments> connectors() {
		return Stream.of(Arguments.of(Named.of("reactor-netty", BentoCloudConnectorFactory.reactorNetty())),
				Arguments.of(Named.of("jdk", BentoCloudConnectorFactory.jdk())));
	}

	private static String read(String resource) {
		try {
			return Files.readString(Path.of("src/test/resources", resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JUnit display name for a connector. */
	static final class Named {

		private Named() {
		}

		static org.junit.jupiter.api.Named<BentoCloudConnectorFactory> of(String name,
				BentoCloudConnectorFactory factory) {
			return org.junit.jupiter.api.Named.of(name, factory);
		}

	}

}
