package dev.bentocloud.client;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

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
	 * Loads Reactor Netty's native transport, starts its shared event loops and host name
	 * resolver, and makes one request with Reactor Netty's client to a server of its own
	 * on a loopback port of this process, closed right after, so that connection pool,
	 * channel pipeline and HTTP codec are loaded before the first call needs them.
	 * Nothing leaves the process: the application's connector (its proxy, SSL and other
	 * settings) is not used, and BentoCloud is not contacted.
	 */
	static void warmUp(ClientHttpConnector connector) {
		if (!(connector instanceof ReactorClientHttpConnector)) {
			return;
		}
		HttpClient.create().warmup().block(WARM_UP_TIMEOUT);
		LoopResources loops = LoopResources.create("bentocloud-warm-up-loop", 1, 1, true);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(loops)
			.handle((request, response) -> response.header("Content-Type", "application/json")
				.sendString(Mono.just("{}")))
			.bindNow(WARM_UP_TIMEOUT);
		ConnectionProvider pool = ConnectionProvider.create("bentocloud-warm-up", 1);
		try {
			HttpClient.create(pool)
				.runOn(loops)
				.responseTimeout(WARM_UP_TIMEOUT)
				.get()
				.uri("http://127.0.0.1:" + server.port() + "/")
				.responseSingle((response, body) -> body.asString())
				.block(WARM_UP_TIMEOUT);
		}
		finally {
			pool.disposeLater().block(WARM_UP_TIMEOUT);
			server.disposeNow(WARM_UP_TIMEOUT);
			loops.disposeLater(Duration.ZERO, WARM_UP_TIMEOUT).block(WARM_UP_TIMEOUT);
		}
	}

}
