package dev.bentocloud.spring.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.client.BentoCloudClient;

/** Properties and clients for health tests against a running emulator. */
final class HealthTestSupport {

	private HealthTestSupport() {
	}

	static BentoCloudProperties properties(String endpoint, String token, Duration timeout, Duration cacheTtl) {
		return properties(endpoint, token, timeout, cacheTtl, new BentoCloudProperties.Retry(3, Duration.ofMillis(10),
				Duration.ofMillis(100)));
	}

	static BentoCloudProperties properties(String endpoint, String token, Duration timeout, Duration cacheTtl,
			BentoCloudProperties.Retry retry) {
		return new BentoCloudProperties(true, token, URI.create(endpoint), null, null, Duration.ofSeconds(2),
				Duration.ofSeconds(60), false, retry, new BentoCloudProperties.Health(timeout, cacheTtl),
				new BentoCloudProperties.Service(null, Duration.ofSeconds(30)));
	}

	/** A client built from the properties, as the auto-configuration builds it. */
	static BentoCloudClient client(BentoCloudProperties properties) {
		BentoCloudProperties.Retry retry = properties.retry();
		return BentoCloudClient.builder()
			.endpoint(properties.endpoint())
			.apiToken(properties.apiToken())
			.connectTimeout(properties.connectTimeout())
			.responseTimeout(properties.responseTimeout())
			.retry(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff())
			.build();
	}

	/** A loopback port nobody listens on (bound, then released). */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
