package dev.bentocloud.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final byte[] NO_BODY = new byte[0];

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
		// Bytes, not text: multipart uploads are binary.
		return request.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY).flatMap((body) -> {
			this.state.recorder.count(method, path);
			if (this.state.recorder.enabled()) {
				// Readable rather than exact: invalid UTF-8 becomes U+FFFD.
				this.state.recorder.record(new RecordedRequest(method, path, rawQuery,
						lowerCaseHeaders(request.requestHeaders()), new String(body, StandardCharsets.UTF_8)));
			}
			ApiRequest apiRequest = new ApiRequest(method, normalize(path), RecordedRequest.parseQuery(rawQuery),
					request.requestHeaders(), body);
			FaultRule fault = this.state.faults.match(method, path);
			if (fault == null) {
				return route(apiRequest).flatMap((answer) -> ReplyWriter.send(response, answer));
			}
			Mono<Void> faulted = Mono.defer(() -> applyFault(fault, apiRequest, response));
			return fault.delay().isZero() ? faulted : Mono.delay(fault.delay()).then(faulted);
		});
	}

	private Mono<Answer> route(ApiRequest request) {
		String path = request.path();
		Mono<Answer> answer;
		try {
			if (path.startsWith("/api/")) {
				answer = Mono.just(this.managementApi.handle(request));
			}
			else if (path.startsWith(ServiceRoutes.PREFIX)) {
				answer = this.serviceApi.handle(request);
			}
			else {
				answer = Mono.just(Reply.message(404, "No such endpoint: " + request.method() + " " + path));
			}
		}
		catch (RuntimeException ex) {
			answer = Mono.error(ex);
		}
		return answer.onErrorResume(RuntimeException.class, (ex) -> {
			logger.warn("Emulator failed on {} {}", request.method(), request.path(), ex);
			return Mono.just(Reply.message(500, "Emulator error: " + ex.getClass().getSimpleName()));
		});
	}

	private Mono<Void> applyFault(FaultRule fault, ApiRequest request, HttpServerResponse response) {
		// Only a rule with an action is claimed, and an action's settings are set before
		// the action and never unset: the action and the setting it needs are there.
		switch (Objects.requireNonNull(fault.action(), "action")) {
			case PASS:
				return listFaults(fault, request).flatMap((answer) -> ReplyWriter.send(response, answer));
			case DRIP:
				return full(request).flatMap((reply) -> ReplyWriter.sendDripping(response, reply,
						Objects.requireNonNull(fault.dripInterval(), "dripInterval")));
			case RESPOND:
				String body = fault.body();
				byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8)
						: JsonViews.message("Injected fault: status " + fault.status());
				String contentType = fault.contentType();
				return ReplyWriter.send(response, new Reply(fault.status(),
						(contentType != null) ? contentType : Reply.JSON, bytes, fault.headers()));
			case REDIRECT:
				Map<String, String> headers = new LinkedHashMap<>(fault.headers());
				headers.put("Location", Objects.requireNonNull(fault.location(), "location"));
				return ReplyWriter.send(response, new Reply(fault.status(), Reply.JSON, new byte[0], headers));
			case TRUNCATE:
				return full(request)
					.flatMap((reply) -> ReplyWriter.sendTruncated(response, reply, fault.headers(), false));
			case RESET_MID_BODY:
				return full(request)
					.flatMap((reply) -> ReplyWriter.sendTruncated(response, reply, fault.headers(), true));
			case RESET:
			default:
				response.withConnection((connection) -> {
					connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
					connection.channel().close();
				});
				return Mono.empty();
		}
	}

	/** The normal answer with all of its body (a stream's up to a limit). */
	private Mono<Reply> full(ApiRequest request) {
		return route(request).flatMap(ReplyWriter::complete);
	}

	/**
	 * The normal answer, as a list endpoint that ignores {@code start} or misstates
	 * {@code total}.
	 */
	private Mono<Answer> listFaults(FaultRule fault, ApiRequest request) {
		ApiRequest effective = request;
		if (fault.ignoresStart()) {
			Map<String, List<String>> query = new LinkedHashMap<>(request.query());
			query.put("start", List.of("0"));
			effective = new ApiRequest(request.method(), request.path(), query, request.headers(), request.content());
		}
		Integer total = fault.totalOverride();
		return route(effective).map((answer) -> {
			if (total == null || answer.status() != 200 || !(answer instanceof Reply reply)) {
				return answer;
			}
			return new Reply(reply.status(), reply.contentType(), JsonViews.withTotal(reply.body(), total),
					reply.headers());
		});
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
