package dev.bentocloud.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Front door for every request: reads the body, counts and records the request, applies
 * the first matching fault rule, and otherwise routes to the management API or a deployed
 * service.
 */
final class EmulatorHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final Logger logger = LoggerFactory.getLogger(EmulatorHandler.class);

	private final EmulatorState state;

	private final ManagementRoutes managementApi;

	private final ServiceRoutes serviceApi;

	EmulatorHandler(EmulatorState state) {
		this.state = state;
		this.managementApi = new ManagementRoutes(state);
		this.serviceApi = new ServiceRoutes(state);
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		String method = request.method().name();
		String uri = request.uri();
		int question = uri.indexOf('?');
		String path = (question >= 0) ? uri.substring(0, question) : uri;
		String rawQuery = (question >= 0) ? uri.substring(question + 1) : null;
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			this.state.recorder.count(method, path);
			if (this.state.recorder.enabled()) {
				this.state.recorder.record(
						new RecordedRequest(method, path, rawQuery, lowerCaseHeaders(request.requestHeaders()), body));
			}
			ApiRequest apiRequest = new ApiRequest(method, normalize(path), RecordedRequest.parseQuery(rawQuery),
					request.requestHeaders(), body);
			FaultRule fault = this.state.faults.match(method, path);
			if (fault == null) {
				return send(response, route(apiRequest));
			}
			Mono<Void> faulted = Mono.defer(() -> applyFault(fault, apiRequest, response));
			return fault.delay().isZero() ? faulted : Mono.delay(fault.delay()).then(faulted);
		});
	}

	private Reply route(ApiRequest request) {
		try {
			String path = request.path();
			if (path.startsWith("/api/")) {
				return this.managementApi.handle(request);
			}
			if (path.startsWith(ServiceRoutes.PREFIX)) {
				return this.serviceApi.handle(request);
			}
			return Reply.message(404, "No such endpoint: " + request.method() + " " + path);
		}
		catch (RuntimeException ex) {
			logger.warn("Emulator failed on {} {}", request.method(), request.path(), ex);
			return Reply.message(500, "Emulator error: " + ex.getClass().getSimpleName());
		}
	}

	private Mono<Void> applyFault(FaultRule fault, ApiRequest request, HttpServerResponse response) {
		// Only a rule with an action is claimed, and an action's settings are set before
		// the action and never unset: the action and the setting it needs are there.
		switch (Objects.requireNonNull(fault.action(), "action")) {
			case PASS:
				return send(response, listFaults(fault, request));
			case DRIP:
				return sendDripping(response, route(request),
						Objects.requireNonNull(fault.dripInterval(), "dripInterval"));
			case RESPOND:
				String body = fault.body();
				byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8)
						: JsonViews.message("Injected fault: status " + fault.status());
				String contentType = fault.contentType();
				return send(response, new Reply(fault.status(), (contentType != null) ? contentType : Reply.JSON, bytes,
						fault.headers()));
			case REDIRECT:
				Map<String, String> headers = new LinkedHashMap<>(fault.headers());
				headers.put("Location", Objects.requireNonNull(fault.location(), "location"));
				return send(response, new Reply(fault.status(), Reply.JSON, new byte[0], headers));
			case TRUNCATE:
				return sendTruncated(response, route(request), fault.headers(), false);
			case RESET_MID_BODY:
				return sendTruncated(response, route(request), fault.headers(), true);
			case RESET:
			default:
				response.withConnection((connection) -> {
					connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
					connection.channel().close();
				});
				return Mono.empty();
		}
	}

	/**
	 * The normal answer, as a list endpoint that ignores {@code start} or misstates
	 * {@code total}.
	 */
	private Reply listFaults(FaultRule fault, ApiRequest request) {
		ApiRequest effective = request;
		if (fault.ignoresStart()) {
			Map<String, List<String>> query = new LinkedHashMap<>(request.query());
			query.put("start", List.of("0"));
			effective = new ApiRequest(request.method(), request.path(), query, request.headers(), request.body());
		}
		Reply reply = route(effective);
		Integer total = fault.totalOverride();
		if (total == null || reply.status() != 200) {
			return reply;
		}
		return new Reply(reply.status(), reply.contentType(), JsonViews.withTotal(reply.body(), total),
				reply.headers());
	}

	/**
	 * The answer's head with its full Content-Length, then the body one byte per
	 * interval.
	 */
	private static Mono<Void> sendDripping(HttpServerResponse response, Reply reply, Duration interval) {
		response.status(HttpResponseStatus.valueOf(reply.status()));
		reply.headers().forEach(response::header);
		response.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(reply.body().length));
		byte[] body = reply.body();
		return response
			.send(Flux.interval(interval).take(body.length).map((i) -> Unpooled.wrappedBuffer(body, i.intValue(), 1)),
					(buffer) -> true)
			.then();
	}

	private static Mono<Void> send(HttpServerResponse response, Reply reply) {
		response.status(HttpResponseStatus.valueOf(reply.status()));
		reply.headers().forEach(response::header);
		response.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(reply.body().length));
		return response.sendByteArray(Mono.just(reply.body())).then();
	}

	/**
	 * Writes the status line, headers and half of the body straight to the socket (below
	 * the HTTP codec, which would otherwise complete the message) and then closes the
	 * connection, so a client sees a premature end of a body whose Content-Length
	 * promised more. With {@code reset} the close is a TCP reset (SO_LINGER 0) instead of
	 * an orderly FIN.
	 */
	private static Mono<Void> sendTruncated(HttpServerResponse response, Reply full, Map<String, String> extraHeaders,
			boolean reset) {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(HttpResponseStatus.valueOf(full.status()))
			.append("\r\n");
		full.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Type: ").append(full.contentType()).append("\r\n");
		head.append("Content-Length: ").append(full.body().length + 1).append("\r\n\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] half = Arrays.copyOf(full.body(), full.body().length / 2);
		return Mono.create((sink) -> response.withConnection((connection) -> {
			Channel channel = connection.channel();
			channel.closeFuture().addListener((closed) -> sink.success());
			channel.pipeline()
				.firstContext()
				.writeAndFlush(Unpooled.wrappedBuffer(headBytes, half))
				.addListener((ChannelFutureListener) (written) -> {
					if (reset) {
						written.channel().config().setOption(ChannelOption.SO_LINGER, 0);
					}
					written.channel().close();
				});
		}));
	}

	private static String normalize(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	private static Map<String, List<String>> lowerCaseHeaders(HttpHeaders headers) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (Map.Entry<String, String> header : headers) {
			result.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>(2))
				.add(header.getValue());
		}
		return result;
	}

}
