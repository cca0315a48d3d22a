package dev.bentocloud.client;

import java.net.http.HttpClient;
import java.time.Duration;

import dev.bentocloud.client.support.JdkHttpConnector;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Creates the HTTP connector of a client, for its timeouts. A connector must never follow
 * redirects: a token must not travel to whatever host a {@code Location} header names.
 * <p>
 * The default, {@link #detect()}, uses Reactor Netty when it is on the class path, else
 * the JDK's {@link HttpClient}, which needs no other jar. The Spring Boot
 * auto-configuration supplies one built by Boot's {@code ClientHttpConnectorBuilder}
 * (Reactor Netty, Jetty, Apache HttpComponents or the JDK, whichever the application
 * has), with the application's SSL bundle.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BentoCloudConnectorFactory {

	/**
	 * A connector with these timeouts that does not follow redirects.
	 * @param connectTimeout how long to wait for a TCP (and TLS) connection
	 * @param readTimeout how long to wait for the response
	 * @return the connector
	 */
	ClientHttpConnector create(Duration connectTimeout, Duration readTimeout);

	/**
	 * Reactor Netty when it is on the class path, else the JDK's {@link HttpClient}.
	 * @return the factory
	 */
	static BentoCloudConnectorFactory detect() {
		return ReactorNettyConnectors.isPresent() ? reactorNetty() : jdk();
	}

	/**
	 * Connectors on Reactor Netty's shared resources; requires
	 * {@code reactor-netty-http}.
	 * @return the factory
	 */
	static BentoCloudConnectorFactory reactorNetty() {
		return ReactorNettyConnectors::create;
	}

	/**
	 * Connectors on the JDK's {@link HttpClient}, which never follow redirects, and whose
	 * response bodies can be cancelled (see {@link JdkHttpConnector}); requests wait for
	 * their response heads on a shared pool of reused daemon threads rather than on a new
	 * thread per response. Note that the JDK's client itself retries an idempotent
	 * request once when a reused connection is reset.
	 * @return the factory
	 */
	static BentoCloudConnectorFactory jdk() {
		return (connectTimeout, readTimeout) -> {
			HttpClient httpClient = HttpClient.newBuilder()
				.connectTimeout(connectTimeout)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			return new JdkHttpConnector(httpClient, readTimeout);
		};
	}

}
