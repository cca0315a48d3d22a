package dev.bentocloud.client.support;

import java.net.URI;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Adds the API token to every request as the connector writes it: below every filter and
 * observation of {@code WebClient} (none of them sees the token), and without the copy of
 * the whole request that a filter adding a header makes on every call.
 */
public final class TokenConnector implements ClientHttpConnector {

	private final ClientHttpConnector connector;

	private final String header;

	private final String token;

	private TokenConnector(ClientHttpConnector connector, String header, String token) {
		this.connector = connector;
		this.header = header;
		this.token = token;
	}

	/**
	 * The connector, adding {@code header: token} to every request; itself when there is
	 * no token.
	 */
	public static ClientHttpConnector of(ClientHttpConnector connector, String header, @Nullable String token) {
		return (token != null) ? new TokenConnector(connector, header, token) : connector;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return this.connector.connect(method, uri, (request) -> {
			request.getHeaders().set(this.header, this.token);
			return requestCallback.apply(request);
		});
	}

}
