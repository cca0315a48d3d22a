package dev.bentocloud.client;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.ClassUtils;

/**
 * Reactor Netty connectors, in a class of their own so that Reactor Netty is only loaded
 * when it is on the class path.
 */
final class ReactorNettyConnectors {

	private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);

	private ReactorNettyConnectors() {
	}

	static boolean isPresent() {
		return ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
				ReactorNettyConnectors.class.getClassLoader());
	}

	static ClientHttpConnector create(Duration connectTimeout, Duration readTimeout) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
			.responseTimeout(readTimeout)
			.followRedirect(false);
		return new ReactorClientHttpConnector(httpClient);
	}

	/**
	 * Loads Reactor Netty's native transport and starts its shared event loops and host
	 * name resolver, so that the first call does not wait for them. Opens no socket.
	 */
	static void warmUp(ClientHttpConnector connector) {
		if (connector instanceof ReactorClientHttpConnector) {
			HttpClient.create().warmup().block(WARM_UP_TIMEOUT);
		}
	}

}
