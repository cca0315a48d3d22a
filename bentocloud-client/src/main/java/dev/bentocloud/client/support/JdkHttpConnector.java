package dev.bentocloud.client.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.AbstractClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A connector on the JDK's {@link HttpClient} whose response body can be cancelled.
 * Spring's {@code JdkClientHttpConnector} caches the body ({@code cache(0)}), so
 * cancelling a subscriber never reaches the JDK: a stream that is cancelled, or that
 * never ends, goes on being read in the background for as long as the server writes. Here
 * the cancel reaches the JDK, which closes the connection. Cookies are not kept.
 */
public final class JdkHttpConnector implements ClientHttpConnector {

	/** Headers the JDK sets itself and refuses from callers. */
	private static final Set<String> DISALLOWED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final HttpClient httpClient;

	private final Duration readTimeout;

	private final DataBufferFactory bufferFactory = DefaultDataBufferFactory.sharedInstance;

	/**
	 * A connector on this client.
	 * @param httpClient the JDK client, which should not follow redirects
	 * @param readTimeout how long to wait for the response's head
	 */
	public JdkHttpConnector(HttpClient httpClient, Duration readTimeout) {
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		JdkRequest request = new JdkRequest(method, uri);
		return requestCallback.apply(request)
			.then(Mono.defer(() -> Mono.fromFuture(() -> this.httpClient.sendAsync(request.build(this.readTimeout),
					HttpResponse.BodyHandlers.ofPublisher()), false)))
			.map(this::response);
	}

	private ClientHttpResponse response(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach((name, values) -> {
			if (!name.startsWith(":")) {
				headers.addAll(name, values);
			}
		});
		Flux<DataBuffer> body = JdkFlowAdapter.flowPublisherToFlux(response.body())
			.flatMapIterable(Function.identity())
			.map(this.bufferFactory::wrap)
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		return new JdkResponse(HttpStatusCode.valueOf(response.statusCode()), headers, body);
	}

	private static final class JdkResponse extends AbstractClientHttpResponse {

		JdkResponse(HttpStatusCode status, HttpHeaders headers, Flux<DataBuffer> body) {
			super(status, headers, new LinkedMultiValueMap<String, ResponseCookie>(), body);
		}

	}

	private final class JdkRequest extends AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		JdkRequest(HttpMethod method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		HttpRequest build(Duration timeout) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
				.timeout(timeout)
				.method(this.method.name(), this.body);
			getHeaders().forEach((name, values) -> {
				if (!DISALLOWED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> builder.header(name, value));
				}
			});
			if (!getHeaders().containsHeader(HttpHeaders.ACCEPT)) {
				builder.header(HttpHeaders.ACCEPT, "*/*");
			}
			return builder.build();
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return JdkHttpConnector.this.bufferFactory;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getNativeRequest() {
			return (T) this;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return doCommit(() -> {
				Flow.Publisher<ByteBuffer> bytes = JdkFlowAdapter
					.publisherToFlowPublisher(Flux.from(body).map(JdkRequest::toByteBuffer));
				long length = getHeaders().getContentLength();
				this.body = (length >= 0) ? HttpRequest.BodyPublishers.fromPublisher(bytes, length)
						: HttpRequest.BodyPublishers.fromPublisher(bytes);
				return Mono.empty();
			});
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).flatMap(Function.identity()));
		}

		@Override
		public Mono<Void> setComplete() {
			return doCommit();
		}

		@Override
		protected void applyHeaders() {
			// read when the JDK request is built
		}

		@Override
		protected void applyCookies() {
			// the service and management clients send no cookies
		}

		private static ByteBuffer toByteBuffer(DataBuffer buffer) {
			ByteBuffer copy = ByteBuffer.allocate(buffer.readableByteCount());
			buffer.toByteBuffer(copy);
			DataBufferUtils.release(buffer);
			return copy;
		}

	}

}
