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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

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
 * <p>
 * Each request is sent with the blocking {@link HttpClient#send}, on a thread of a small
 * shared pool, until its response head arrives; the body then streams as the JDK reads
 * it. {@link HttpClient#sendAsync} would complete every response on
 * {@code CompletableFuture}'s default executor, which starts a new thread per task on
 * machines with two CPUs or fewer (the common pool's parallelism is then 1): 10 to 20
 * times the CPU per call. Cancelling a request that waits for its head interrupts its
 * thread, and the JDK then aborts the exchange.
 */
public final class JdkHttpConnector implements ClientHttpConnector {

	/** Headers the JDK sets itself and refuses from callers. */
	private static final Set<String> DISALLOWED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final HttpClient httpClient;

	private final Duration readTimeout;

	private final Executor sendThreads;

	private final DataBufferFactory bufferFactory = DefaultDataBufferFactory.sharedInstance;

	/**
	 * A connector on this client.
	 * @param httpClient the JDK client, which should not follow redirects
	 * @param readTimeout how long to wait for the response's head
	 */
	public JdkHttpConnector(HttpClient httpClient, Duration readTimeout) {
		this(httpClient, readTimeout, JdkSendThreads.shared());
	}

	/**
	 * A connector on this client that waits for response heads on these threads.
	 * @param httpClient the JDK client, which should not follow redirects
	 * @param readTimeout how long to wait for the response's head
	 * @param sendThreads runs each blocking send; it must not be the executor of
	 * {@code httpClient}, whose tasks complete the sends
	 */
	public JdkHttpConnector(HttpClient httpClient, Duration readTimeout, Executor sendThreads) {
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
		this.sendThreads = sendThreads;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		JdkRequest request = new JdkRequest(method, uri);
		return requestCallback.apply(request)
			.then(Mono.<HttpResponse<Flow.Publisher<List<ByteBuffer>>>>create(
					(sink) -> send(request.build(this.readTimeout), sink)))
			.doOnDiscard(HttpResponse.class, JdkHttpConnector::discard)
			.map(this::response);
	}

	private void send(HttpRequest request, MonoSink<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sink) {
		Send send = new Send(this.httpClient, request, sink);
		sink.onCancel(() -> send.cancel(true));
		try {
			this.sendThreads.execute(send);
		}
		catch (RejectedExecutionException ex) {
			sink.error(ex);
		}
	}

	/** Cancels the body of a response that arrived after its caller had cancelled. */
	private static void discard(HttpResponse<?> response) {
		if (response.body() instanceof Flow.Publisher<?> body) {
			body.subscribe(new Flow.Subscriber<Object>() {

				@Override
				public void onSubscribe(Flow.Subscription subscription) {
					subscription.cancel();
				}

				@Override
				public void onNext(Object item) {
				}

				@Override
				public void onError(Throwable throwable) {
				}

				@Override
				public void onComplete() {
				}

			});
		}
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

	/**
	 * One blocking send. Cancelling it before it ends interrupts it, and the JDK aborts
	 * the exchange; its outcome goes to the sink only once the task is done, so that a
	 * cancel never interrupts the code the response is handed to.
	 */
	private static final class Send extends FutureTask<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> {

		private final MonoSink<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sink;

		Send(HttpClient httpClient, HttpRequest request,
				MonoSink<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sink) {
			super(() -> httpClient.send(request, HttpResponse.BodyHandlers.ofPublisher()));
			this.sink = sink;
		}

		/**
		 * A response that arrives just after a cancel is refused by the task; its body is
		 * cancelled here, so that its connection is not held.
		 */
		@Override
		protected void set(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
			super.set(response);
			if (isCancelled()) {
				discard(response);
			}
		}

		@Override
		protected void done() {
			if (isCancelled()) {
				return;
			}
			try {
				this.sink.success(get());
			}
			catch (ExecutionException ex) {
				this.sink.error((ex.getCause() != null) ? ex.getCause() : ex);
			}
			catch (InterruptedException ex) {
				// not reached: the task is done
				Thread.currentThread().interrupt();
				this.sink.error(ex);
			}
		}

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
