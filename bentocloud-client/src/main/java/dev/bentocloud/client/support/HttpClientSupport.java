package dev.bentocloud.client.support;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the management and service clients share: connector, timeouts, User-Agent and the
 * plain-http guard.
 */
public final class HttpClientSupport {

	private static final Log logger = LogFactory.getLog(HttpClientSupport.class);

	public static final String USER_AGENT = "bentocloud-java/" + version();

	private HttpClientSupport() {
	}

	/**
	 * Clones the base builder (a fresh one when it supplies none) and gives it a
	 * connector with our timeouts, which never follows redirects.
	 */
	public static WebClient.Builder builder(Supplier<WebClient.@Nullable Builder> base,
			BentoCloudConnectorFactory connectors, Duration connectTimeout, Duration responseTimeout) {
		return builder(base, connectors.create(connectTimeout, responseTimeout));
	}

	/**
	 * Clones the base builder (a fresh one when it supplies none) and gives it the
	 * connector, which must never follow redirects.
	 */
	public static WebClient.Builder builder(Supplier<WebClient.@Nullable Builder> base, ClientHttpConnector connector) {
		WebClient.Builder builder = base.get();
		return ((builder != null) ? builder.clone() : WebClient.builder()).clientConnector(connector)
			.defaultHeader("User-Agent", USER_AGENT);
	}

	/**
	 * Refuses (or, when allowed, warns about) sending a token over plain http to a host
	 * that is not loopback.
	 * @param endpoint where the token would go
	 * @param hasToken whether a token is sent
	 * @param allowInsecure whether plain http to a remote host is allowed
	 * @param setting the setting that allows it, as messages name it, e.g.
	 * {@code BentoCloudClientBuilder.allowInsecureEndpoint(true)}
	 */
	public static void checkTransport(URI endpoint, boolean hasToken, boolean allowInsecure, String setting) {
		if (!hasToken || !BentoCloudEndpoints.exposesToken(endpoint)) {
			return;
		}
		String message = "The BentoCloud token would be sent over plain http to " + endpoint.getHost()
				+ ", where anyone on the network can read it.";
		if (!allowInsecure) {
			throw new IllegalStateException(
					message + " Use an https endpoint, or allow it with " + setting + " if this is intended.");
		}
		logger.warn(message + " Allowed by " + setting + ".");
	}

	private static String version() {
		String version = HttpClientSupport.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
