package dev.bentocloud.spring.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.unit.DataSize;

/** Properties and clients for health tests against a running emulator. */
final class HealthTestSupport {

	private HealthTestSupport() {
	}

	static BentoCloudProperties properties(String endpoint, String token, Duration timeout, Duration cacheTtl) {
		return properties(endpoint, token, timeout, cacheTtl,
				new BentoCloudProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(100), null));
	}

	static BentoCloudProperties properties(String endpoint, String token, Duration timeout, Duration cacheTtl,
			BentoCloudProperties.Retry retry) {
		return new BentoCloudProperties(true, token, URI.create(endpoint), null, null, Duration.ofSeconds(2),
				Duration.ofSeconds(60), null, 1000, false, new BentoCloudProperties.Credentials(true), retry,
				new BentoCloudProperties.Health(timeout, cacheTtl),
				new BentoCloudProperties.Service(null, Duration.ofSeconds(30), null, DataSize.ofMegabytes(16), true,
						List.of("bentoml.ai", "bentoml.com")),
				Map.of(), BentoCloudClientBuilder.DEFAULT_BENTOML_VERSION, new BentoCloudProperties.WarmUp(true));
	}

	/** A client built from the properties, as the auto-configuration builds it. */
	static BentoCloudClient client(BentoCloudProperties properties) {
		BentoCloudProperties.Retry retry = properties.retry();
		return BentoCloudClient.builder()
			.endpoint(properties.endpoint())
			.apiToken(properties.apiToken())
			.connectTimeout(properties.connectTimeout())
			.responseTimeout(properties.responseTimeout())
			.retry(retry.effectiveMaxRetries(), retry.initialBackoff(), retry.maxBackoff())
			.build();
	}

	/**
	 * An indicator for the client, with credentials described as the auto-configuration
	 * does.
	 */
	static BentoCloudHealthIndicator indicator(BentoCloudClient client, BentoCloudProperties properties,
			BentoCloudCredentialsSource source) {
		return indicator(client, properties, source, Schedulers.parallel());
	}

	static BentoCloudHealthIndicator indicator(BentoCloudClient client, BentoCloudProperties properties,
			BentoCloudCredentialsSource source, Scheduler clock) {
		BentoCloudCredentials credentials = new BentoCloudCredentials(String.valueOf(properties.endpoint()),
				properties.apiToken(), source.source(),
				(source.searched() != null) ? List.of(source.searched()) : List.of());
		return new BentoCloudHealthIndicator(client, credentials, source.deploymentUrl(), properties.health().timeout(),
				properties.health().cacheTtl(), clock);
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
