package dev.bentocloud.client;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import dev.bentocloud.client.model.User;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What {@link BentoCloudClient#warmUp()} prepares, all in process: the connector's shared
 * resources (Reactor Netty's event loops, resolver and buffer allocator), a JSON reader
 * for every type the management API answers with, and one {@code currentUser()} through
 * our HTTP interface, filters and codecs on a connector that answers in memory. Nothing
 * goes over the network.
 */
final class ClientWarmUp {

	private static final byte[] USER = "{\"name\":\"warm-up\",\"email\":null}".getBytes(StandardCharsets.UTF_8);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ClientWarmUp() {
	}

	static void connector(ClientHttpConnector connector) {
		if (ReactorNettyConnectors.isPresent()) {
			ReactorNettyConnectors.warmUp(connector);
		}
	}

	static void json(JsonMapper mapper) {
		for (Method method : ManagementApi.class.getDeclaredMethods()) {
			ResolvableType body = ResolvableType.forMethodReturnType(method).getGeneric(0);
			Class<?> type = body.resolve();
			if (type != null && type != Void.class) {
				// With EAGER_DESERIALIZER_FETCH (Jackson's default) the reader builds
				// and caches the deserializer in the mapper, which the decoder shares.
				mapper.readerFor(mapper.constructType(body.getType()));
			}
		}
		DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(USER);
		new JacksonJsonDecoder(mapper)
			.decodeToMono(Mono.just(buffer), ResolvableType.forClass(User.class), MediaType.APPLICATION_JSON, Map.of())
			.block(TIMEOUT);
	}

	static void exchange(ManagementApi inMemory, PreparedCalls prepared) {
		try {
			inMemory.currentUser().block(TIMEOUT);
			prepared.currentUser().block(TIMEOUT);
		}
		catch (BentoCloudCredentialsException ex) {
			// Without a token the client refuses every call, this one too; the set-up
			// is done all the same.
		}
	}

	/**
	 * A connector that answers every request with a canned {@link User}, without any I/O.
	 */
	static ClientHttpConnector inMemory() {
		return ClientWarmUp::connect;
	}

	private static Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return requestCallback.apply(new InMemoryRequest(method, uri)).then(Mono.fromSupplier(InMemoryResponse::new));
	}

	private static final class InMemoryRequest extends AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		InMemoryRequest(HttpMethod method, URI uri) {
			this.method = method;
			this.uri = uri;
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
			return DefaultDataBufferFactory.sharedInstance;
		}

		@Override
		public <T> T getNativeRequest() {
			throw new UnsupportedOperationException("In-memory warm-up request");
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return doCommit(() -> Flux.from(body).doOnNext(DataBuffer::readableByteCount).then());
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).concatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return doCommit();
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

	private static final class InMemoryResponse implements ClientHttpResponse {

		private final HttpHeaders headers = new HttpHeaders();

		InMemoryResponse() {
			this.headers.setContentType(MediaType.APPLICATION_JSON);
			this.headers.setContentLength(USER.length);
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public MultiValueMap<String, ResponseCookie> getCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(USER)));
		}

	}

}
