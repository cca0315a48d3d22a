package dev.bentocloud.spring.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Properties and clients for health tests against a running emulator. */
final class HealthTestSupport {

	private HealthTestSupport() {
	}

	static BentoCloudProperties properties(String endpoint, String token, Duration timeout, Duration cacheTtl) {
		return properties(endpoint, token, timeout, cacheTtl, retry(3, Duration.ofMillis(10), Duration.ofMillis(100)));
	}

	static BentoCloudProperties properties(String endpoint, String token, Duration timeout, Duration cacheTtl,
			BentoCloudProperties.Retry retry) {
		BentoCloudProperties properties = new BentoCloudProperties();
		properties.setApiToken(token);
		properties.setEndpoint(URI.create(endpoint));
		properties.setConnectTimeout(Duration.ofSeconds(2));
		properties.getRetry().setMaxRetries(retry.getMaxRetries());
		properties.getRetry().setInitialBackoff(retry.getInitialBackoff());
		properties.getRetry().setMaxBackoff(retry.getMaxBackoff());
		properties.getHealth().setTimeout(timeout);
		properties.getHealth().setCacheTtl(cacheTtl);
		return properties;
	}

	/** Retries of the given number and backoffs. */
	static BentoCloudProperties.Retry retry(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
		BentoCloudProperties.Retry retry = new BentoCloudProperties.Retry();
		retry.setMaxRetries(maxRetries);
		retry.setInitialBackoff(initialBackoff);
		retry.setMaxBackoff(maxBackoff);
		return retry;
	}

	/** A client built from the properties, as the auto-configuration builds it. */
	static BentoCloudClient client(BentoCloudProperties properties) {
		BentoCloudProperties.Retry retry = properties.getRetry();
		return BentoCloudClient.builder()
			.endpoint(properties.getEndpoint())
			.apiToken(properties.getApiToken())
			.connectTimeout(properties.getConnectTimeout())
			.responseTimeout(properties.getResponseTimeout())
			.retry(retry.effectiveMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff())
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
		BentoCloudCredentials credentials = new BentoCloudCredentials(String.valueOf(properties.getEndpoint()),
				properties.getApiToken(), source.source(),
				(source.searched() != null) ? List.of(source.searched()) : List.of());
		return new BentoCloudHealthIndicator(client, credentials, source.deploymentUrl(),
				properties.getHealth().getTimeout(), properties.getHealth().getCacheTtl(), () -> clock);
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
