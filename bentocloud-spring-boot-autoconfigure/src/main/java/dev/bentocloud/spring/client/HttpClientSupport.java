package dev.bentocloud.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the management and service clients share: connector, timeouts, no redirects, User-Agent
 * and the plain-http guard.
 */
final class HttpClientSupport {

	private static final Log logger = LogFactory.getLog(HttpClientSupport.class);

	static final String USER_AGENT = "bentocloud-spring-boot/" + version();

	private HttpClientSupport() {
	}

	/**
	 * Clones {@code base} and gives it a connector with our timeouts and redirects off, keeping
	 * the rest of {@code settings} (an SSL bundle, for example).
	 */
	static WebClient.Builder builder(WebClient.Builder base, ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, Duration connectTimeout, Duration responseTimeout) {
		ClientHttpConnectorBuilder<?> connectors = (connectorBuilder != null) ? connectorBuilder
				: ClientHttpConnectorBuilder.reactor();
		// Never follow redirects: a token must not travel to whatever host a Location names.
		HttpClientSettings effective = ((settings != null) ? settings : HttpClientSettings.defaults())
			.withTimeouts(connectTimeout, responseTimeout)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		return ((base != null) ? base.clone() : WebClient.builder()).clientConnector(connectors.build(effective))
			.defaultHeader("User-Agent", USER_AGENT);
	}

	/**
	 * Refuses (or, when allowed, warns about) sending a token over plain http to a host that is
	 * not loopback.
	 */
	static void checkTransport(URI endpoint, boolean hasToken, boolean allowInsecure, String property) {
		if (!hasToken || !"http".equalsIgnoreCase(endpoint.getScheme()) || isLoopback(endpoint.getHost())) {
			return;
		}
		String message = "The BentoCloud token would be sent over plain http to " + endpoint.getHost()
				+ ", where anyone on the network can read it.";
		if (!allowInsecure) {
			throw new IllegalStateException(
					message + " Use an https endpoint, or set " + property + "=true if this is intended.");
		}
		logger.warn(message + " Allowed by " + property + "=true.");
	}

	static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
				|| h.equals("::1");
	}

	private static String version() {
		String version = HttpClientSupport.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
