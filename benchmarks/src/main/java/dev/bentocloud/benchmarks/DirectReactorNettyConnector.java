package dev.bentocloud.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Prototype (issue #23), not used by the client: a Reactor Netty connector of our own
 * under an unchanged {@code WebClient}, so that filters, observations and the codecs of
 * the builder (Boot's customizers included) all still apply. Per request it skips what
 * Spring's connector does beyond writing the request: the Spring headers map copied into
 * Netty's at commit (headers go straight to Netty's, see
 * {@link DirectReactorNettyRequest}), the commit chain of a request without body, the
 * request attributes saved on the channel and the callback that clears them.
 * <p>
 * What it loses: Netty handlers can no longer read {@code WebClient}'s request attributes
 * from the channel ({@code ReactorClientHttpConnector.ATTRIBUTES_KEY}), and it needs the
 * Reactor Netty {@link HttpClient} itself, which Boot's
 * {@code ClientHttpConnectorBuilder} does not hand out (it builds Spring's connector).
 */
final class DirectReactorNettyConnector implements ClientHttpConnector {

	private final HttpClient httpClient;

	DirectReactorNettyConnector(HttpClient httpClient) {
		this.httpClient = httpClient;
	}

	/**
	 * Connectors as {@link BentoCloudConnectorFactory#reactorNetty()} configures Reactor
	 * Netty (same timeouts, no redirects), on this connector.
	 * @return the factory
	 */
	static BentoCloudConnectorFactory factory() {
		return (connectTimeout,
				readTimeout) -> new DirectReactorNettyConnector(httpClient(connectTimeout, readTimeout));
	}

	private static HttpClient httpClient(Duration connectTimeout, Duration readTimeout) {
		return HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
			.responseTimeout(readTimeout)
			.followRedirect(false);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		HttpClient.RequestSender sender = this.httpClient
			.request(io.netty.handler.codec.http.HttpMethod.valueOf(method.name()));
		sender = uri.isAbsolute() ? sender.uri(uri) : sender.uri(uri.toString());
		// As Spring's connector: a response cancelled before its body was read
		// has its body drained, so that the connection goes back to the pool.
		AtomicReference<DirectReactorNettyResponse> received = new AtomicReference<>();
		return sender
			.send((request, outbound) -> requestCallback
				.apply(new DirectReactorNettyRequest(method, uri, request, outbound)))
			.responseConnection((response, connection) -> {
				DirectReactorNettyResponse clientResponse = new DirectReactorNettyResponse(response, connection);
				received.set(clientResponse);
				return Mono.just((ClientHttpResponse) clientResponse);
			})
			.next()
			.doOnCancel(() -> {
				DirectReactorNettyResponse response = received.get();
				if (response != null) {
					response.releaseAfterCancel(method);
				}
			});
	}

}
