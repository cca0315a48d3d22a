package dev.bentocloud.benchmarks;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.ChannelOperationsId;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Prototype (issue #23): the response of {@link DirectReactorNettyConnector}, as Spring's
 * Reactor Netty response (a read-only view of Netty's headers, the body as retained Netty
 * buffers, drained when cancelled unread) with its headers view made on first use.
 */
final class DirectReactorNettyResponse implements ClientHttpResponse {

	private static final int UNREAD = 0;

	private static final int READING = 1;

	private static final int RELEASED = 2;

	private static final AtomicIntegerFieldUpdater<DirectReactorNettyResponse> STATE = AtomicIntegerFieldUpdater
		.newUpdater(DirectReactorNettyResponse.class, "state");

	private final HttpClientResponse response;

	private final Connection connection;

	private volatile int state = UNREAD;

	private @Nullable HttpHeaders headers;

	DirectReactorNettyResponse(HttpClientResponse response, Connection connection) {
		this.response = response;
		this.connection = connection;
	}

	@Override
	public String getId() {
		if (this.response instanceof ChannelOperationsId id) {
			return id.asShortText();
		}
		return this.connection.channel().id().asShortText();
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatusCode.valueOf(this.response.status().code());
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = this.headers;
		if (headers == null) {
			headers = HttpHeaders.readOnlyHttpHeaders(new Netty4HeadersAdapter(this.response.responseHeaders()));
			this.headers = headers;
		}
		return headers;
	}

	@Override
	public Flux<DataBuffer> getBody() {
		NettyDataBufferFactory buffers = new NettyDataBufferFactory(this.connection.outbound().alloc());
		return this.connection.inbound().receive().doOnSubscribe((subscription) -> {
			if (!STATE.compareAndSet(this, UNREAD, READING) && this.state == RELEASED) {
				throw new IllegalStateException(
						"The client response body has been released already due to cancellation.");
			}
		}).map((byteBuf) -> buffers.wrap(byteBuf.retain()));
	}

	@Override
	public MultiValueMap<String, ResponseCookie> getCookies() {
		MultiValueMap<String, ResponseCookie> cookies = new LinkedMultiValueMap<>();
		this.response.cookies()
			.values()
			.forEach((sameName) -> sameName.forEach((cookie) -> cookies.add(cookie.name(), responseCookie(cookie))));
		return CollectionUtils.unmodifiableMultiValueMap(cookies);
	}

	private static ResponseCookie responseCookie(Cookie cookie) {
		DefaultCookie defaultCookie = (cookie instanceof DefaultCookie netty) ? netty : null;
		return ResponseCookie.fromClientResponse(cookie.name(), cookie.value())
			.domain(cookie.domain())
			.path(cookie.path())
			.maxAge(cookie.maxAge())
			.secure(cookie.isSecure())
			.httpOnly(cookie.isHttpOnly())
			.sameSite((defaultCookie != null && defaultCookie.sameSite() != null) ? defaultCookie.sameSite().name()
					: null)
			.partitioned(defaultCookie != null && defaultCookie.isPartitioned())
			.build();
	}

	/**
	 * Drains a body nobody subscribed to, so that the connection can be reused.
	 */
	void releaseAfterCancel(HttpMethod method) {
		if (mayHaveBody(method) && STATE.compareAndSet(this, UNREAD, RELEASED)) {
			this.connection.inbound().receive().subscribe((byteBuf) -> {
			}, (ex) -> {
			});
		}
	}

	private boolean mayHaveBody(HttpMethod method) {
		int code = this.response.status().code();
		return !((code >= 100 && code < 200) || code == 204 || code == 205 || method.equals(HttpMethod.HEAD)
				|| getHeaders().getContentLength() == 0);
	}

}
