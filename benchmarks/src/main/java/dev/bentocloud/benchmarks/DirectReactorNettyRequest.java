package dev.bentocloud.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

import io.netty.handler.codec.http.cookie.DefaultCookie;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Prototype (issue #23): the request of {@link DirectReactorNettyConnector}. Its headers
 * are a view of Netty's request headers, so what {@code WebClient} writes into them is
 * written once; cookies, attributes and the commit actions are only allocated when used;
 * a request without body and without commit actions completes at once, and Reactor Netty
 * then sends it. Request attributes stay on this object (not on the channel).
 */
final class DirectReactorNettyRequest implements ClientHttpRequest {

	private static final int NEW = 0;

	private static final int COMMITTING = 1;

	private static final int COMMITTED = 2;

	private static final AtomicIntegerFieldUpdater<DirectReactorNettyRequest> STATE = AtomicIntegerFieldUpdater
		.newUpdater(DirectReactorNettyRequest.class, "state");

	private final HttpMethod method;

	private final URI uri;

	private final HttpClientRequest request;

	private final NettyOutbound outbound;

	private final HttpHeaders headers;

	private volatile int state = NEW;

	private @Nullable HttpHeaders readOnlyHeaders;

	private @Nullable MultiValueMap<String, HttpCookie> cookies;

	private @Nullable Map<String, Object> attributes;

	private @Nullable List<Supplier<? extends Mono<Void>>> commitActions;

	private @Nullable DataBufferFactory bufferFactory;

	DirectReactorNettyRequest(HttpMethod method, URI uri, HttpClientRequest request, NettyOutbound outbound) {
		this.method = method;
		this.uri = uri;
		this.request = request;
		this.outbound = outbound;
		this.headers = new HttpHeaders(new Netty4HeadersAdapter(request.requestHeaders()));
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
	public HttpHeaders getHeaders() {
		if (this.state != COMMITTED) {
			return this.headers;
		}
		HttpHeaders readOnly = this.readOnlyHeaders;
		if (readOnly == null) {
			readOnly = HttpHeaders.readOnlyHttpHeaders(this.headers);
			this.readOnlyHeaders = readOnly;
		}
		return readOnly;
	}

	@Override
	public MultiValueMap<String, HttpCookie> getCookies() {
		MultiValueMap<String, HttpCookie> cookies = this.cookies;
		if (cookies == null) {
			cookies = new LinkedMultiValueMap<>();
			this.cookies = cookies;
		}
		return cookies;
	}

	@Override
	public Map<String, Object> getAttributes() {
		Map<String, Object> attributes = this.attributes;
		if (attributes == null) {
			attributes = new HashMap<>();
			this.attributes = attributes;
		}
		return attributes;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T getNativeRequest() {
		return (T) this.request;
	}

	@Override
	public DataBufferFactory bufferFactory() {
		DataBufferFactory factory = this.bufferFactory;
		if (factory == null) {
			factory = new NettyDataBufferFactory(this.outbound.alloc());
			this.bufferFactory = factory;
		}
		return factory;
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		List<Supplier<? extends Mono<Void>>> actions = this.commitActions;
		if (actions == null) {
			actions = new ArrayList<>(2);
			this.commitActions = actions;
		}
		actions.add(action);
	}

	@Override
	public boolean isCommitted() {
		return this.state != NEW;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return commit(() -> {
			if (body instanceof Mono<? extends DataBuffer> mono) {
				return this.outbound.send(mono.map(NettyDataBufferFactory::toByteBuf)).then();
			}
			return this.outbound.send(Flux.from(body).map(NettyDataBufferFactory::toByteBuf)).then();
		});
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return commit(() -> this.outbound
			.sendGroups(Flux.from(body).map((buffers) -> Flux.from(buffers).map(NettyDataBufferFactory::toByteBuf)))
			.then());
	}

	@Override
	public Mono<Void> setComplete() {
		return commit(null);
	}

	/**
	 * As Spring's requests commit: the before-commit actions in order, then the cookies,
	 * then the write; the headers are in Netty's request already.
	 */
	private Mono<Void> commit(@Nullable Supplier<? extends Mono<Void>> write) {
		if (!STATE.compareAndSet(this, NEW, COMMITTING)) {
			return Mono.empty();
		}
		List<Supplier<? extends Mono<Void>>> actions = this.commitActions;
		if (actions == null) {
			markCommitted();
			return (write != null) ? write.get() : Mono.empty();
		}
		List<Mono<Void>> steps = new ArrayList<>(actions.size() + 2);
		for (Supplier<? extends Mono<Void>> action : actions) {
			steps.add(action.get());
		}
		steps.add(Mono.fromRunnable(this::markCommitted));
		if (write != null) {
			steps.add(Mono.defer(write));
		}
		return Flux.concat(steps).then();
	}

	private void markCommitted() {
		MultiValueMap<String, HttpCookie> cookies = this.cookies;
		if (cookies != null) {
			cookies.values()
				.forEach((values) -> values.forEach(
						(cookie) -> this.request.addCookie(new DefaultCookie(cookie.getName(), cookie.getValue()))));
		}
		this.state = COMMITTED;
	}

}
