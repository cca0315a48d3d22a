package dev.bentocloud.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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
 * Issue #23 prototype: a connector on the JDK's {@link HttpURLConnection}: blocking I/O
 * with no selector thread and no hops between the JDK's own executors. Each exchange runs
 * on a cached pool, or on the caller's own thread when the caller blocks for it and says
 * so in the Reactor context ({@link #CALLER_THREAD}). Only what the throughput benchmark
 * needs: no cancel before the head, no PATCH (which {@code HttpURLConnection} refuses),
 * no proxy or TLS settings.
 */
final class UrlConnectionConnector implements ClientHttpConnector {

	private static final ExecutorService THREADS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "url-connection");
		thread.setDaemon(true);
		return thread;
	});

	private static final Scheduler SCHEDULER = Schedulers.fromExecutorService(THREADS);

	static final String CALLER_THREAD = "bentocloud.caller-thread";

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final boolean inlineBody;

	UrlConnectionConnector(Duration connectTimeout, Duration readTimeout, boolean inlineBody) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.inlineBody = inlineBody;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		Request request = new Request(method, uri);
		return requestCallback.apply(request).then(Mono.deferContextual((context) -> {
			Mono<ClientHttpResponse> exchange = Mono.fromCallable(() -> exchange(request));
			boolean inline = context.getOrDefault(CALLER_THREAD, null) == Thread.currentThread();
			return inline ? exchange : exchange.subscribeOn(SCHEDULER);
		}));
	}

	private ClientHttpResponse exchange(Request request) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) request.uri.toURL().openConnection();
		connection.setInstanceFollowRedirects(false);
		connection.setConnectTimeout((int) this.connectTimeout.toMillis());
		connection.setReadTimeout((int) this.readTimeout.toMillis());
		connection.setRequestMethod(request.method.name());
		request.getHeaders().forEach((name, values) -> values.forEach((v) -> connection.addRequestProperty(name, v)));
		if (request.body != null) {
			connection.setDoOutput(true);
			long length = request.getHeaders().getContentLength();
			if (length >= 0) {
				connection.setFixedLengthStreamingMode(length);
			}
			else {
				connection.setChunkedStreamingMode(8192);
			}
			try (OutputStream out = connection.getOutputStream()) {
				DataBufferUtils.write(Flux.<DataBuffer>from(request.body), out)
					.doOnNext(DataBufferUtils::release)
					.blockLast();
			}
		}
		int status = connection.getResponseCode();
		HttpHeaders headers = new HttpHeaders();
		for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
			if (header.getKey() != null) {
				headers.addAll(header.getKey(), header.getValue());
			}
		}
		InputStream stream = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
		Flux<DataBuffer> body = (stream != null)
				? DataBufferUtils.readInputStream(() -> stream, DefaultDataBufferFactory.sharedInstance, 8192)
					.doOnCancel(connection::disconnect)
				: Flux.empty();
		if (!this.inlineBody) {
			body = body.subscribeOn(SCHEDULER);
		}
		return new Response(HttpStatusCode.valueOf(status), headers, body);
	}

	private static final class Response extends AbstractClientHttpResponse {

		Response(HttpStatusCode status, HttpHeaders headers, Flux<DataBuffer> body) {
			super(status, headers, new LinkedMultiValueMap<String, ResponseCookie>(), body);
		}

	}

	private static final class Request extends AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		private Publisher<? extends DataBuffer> body;

		Request(HttpMethod method, URI uri) {
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
		@SuppressWarnings("unchecked")
		public <T> T getNativeRequest() {
			return (T) this;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return doCommit(() -> {
				this.body = body;
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
		}

		@Override
		protected void applyCookies() {
		}

	}

}
