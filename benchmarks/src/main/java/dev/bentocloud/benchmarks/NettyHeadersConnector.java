package dev.bentocloud.benchmarks;

import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * Prototype (issue #23), not used by the client: wraps Spring's Reactor Netty connector
 * so that {@code WebClient} writes each request's headers straight into Netty's request
 * instead of into a Spring {@link HttpHeaders} map that Spring's request copies into
 * Netty's when it commits. Everything else is Spring's connector (its commit, request
 * attributes on the channel, response), so Boot's customized connector could be wrapped
 * as it is.
 */
final class NettyHeadersConnector implements ClientHttpConnector {

	private final ClientHttpConnector connector;

	NettyHeadersConnector(ClientHttpConnector connector) {
		this.connector = connector;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return this.connector.connect(method, uri, (request) -> requestCallback.apply(direct(request)));
	}

	private static ClientHttpRequest direct(ClientHttpRequest request) {
		Object nativeRequest = request.getNativeRequest();
		return (nativeRequest instanceof HttpClientRequest nettyRequest)
				? new NettyHeadersRequest(request, nettyRequest) : request;
	}

	/**
	 * Spring's request, with headers that are a view of Netty's until it commits; after,
	 * Spring's own read-only view of them.
	 */
	private static final class NettyHeadersRequest extends ClientHttpRequestDecorator {

		private final HttpHeaders headers;

		NettyHeadersRequest(ClientHttpRequest request, HttpClientRequest nettyRequest) {
			super(request);
			this.headers = new HttpHeaders(new Netty4HeadersAdapter(nettyRequest.requestHeaders()));
		}

		@Override
		public HttpHeaders getHeaders() {
			return isCommitted() ? getDelegate().getHeaders() : this.headers;
		}

	}

}
