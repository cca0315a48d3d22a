package dev.bentocloud.emulator.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.http.HttpExchange;
import dev.bentocloud.emulator.http.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Front door for every request: counts and records it, applies the first matching fault
 * rule, and otherwise routes to the management API or a deployed service.
 */
final class EmulatorHandler implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(EmulatorHandler.class);

	private final EmulatorState state;

	private final ManagementRoutes managementApi;

	private final ServiceRoutes serviceApi;

	private final FaultSource faults;

	EmulatorHandler(EmulatorState state, FaultSource faults) {
		this.state = state;
		this.faults = faults;
		this.managementApi = new ManagementRoutes(state);
		this.serviceApi = new ServiceRoutes(state);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String method = exchange.method();
		String uri = exchange.target();
		int question = uri.indexOf('?');
		String path = (question >= 0) ? uri.substring(0, question) : uri;
		String rawQuery = (question >= 0) ? uri.substring(question + 1) : null;
		// Bytes, not text: multipart uploads are binary.
		byte[] body = exchange.body();
		this.state.recorder.count(method, path);
		if (this.state.recorder.enabled()) {
			// Readable rather than exact: invalid UTF-8 becomes U+FFFD.
			this.state.recorder.record(new RecordedRequest(method, path, rawQuery, exchange.headers(),
					new String(body, StandardCharsets.UTF_8)));
		}
		ApiRequest request = new ApiRequest(method, normalize(path), QueryString.parse(rawQuery), exchange.headers(),
				body);
		InjectedFault fault = this.faults.match(method, path);
		if (fault == null) {
			ReplyWriter.send(exchange, route(request));
			return;
		}
		Pause.sleep(fault.delay());
		applyFault(fault, request, exchange);
	}

	private Answer route(ApiRequest request) throws IOException {
		String path = request.path();
		try {
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

	private void applyFault(InjectedFault fault, ApiRequest request, HttpExchange exchange) throws IOException {
		// An action's settings are set before the action and never unset: the
		// setting the action needs is there.
		switch (fault.action()) {
			case PASS -> ReplyWriter.send(exchange, listFaults(fault, request));
			case DRIP -> ReplyWriter.sendDripping(exchange, full(request),
					Objects.requireNonNull(fault.dripInterval(), "dripInterval"));
			case RESPOND -> {
				String body = fault.body();
				byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8)
						: JsonViews.message("Injected fault: status " + fault.status());
				String contentType = fault.contentType();
				ReplyWriter.send(exchange, new Reply(fault.status(), (contentType != null) ? contentType : Reply.JSON,
						bytes, fault.headers()));
			}
			case REDIRECT -> {
				Map<String, String> headers = new LinkedHashMap<>(fault.headers());
				headers.put("Location", Objects.requireNonNull(fault.location(), "location"));
				ReplyWriter.send(exchange, new Reply(fault.status(), Reply.JSON, new byte[0], headers));
			}
			case TRUNCATE -> ReplyWriter.sendTruncated(exchange, full(request), fault.headers(), false);
			case RESET_MID_BODY -> ReplyWriter.sendTruncated(exchange, full(request), fault.headers(), true);
			case RESET -> exchange.abort(true);
		}
	}

	/** The normal answer with all of its body (a stream's up to a limit). */
	private Reply full(ApiRequest request) throws IOException {
		return ReplyWriter.complete(route(request));
	}

	/**
	 * The normal answer, as a list endpoint that ignores {@code start} or misstates
	 * {@code total}.
	 */
	private Answer listFaults(InjectedFault fault, ApiRequest request) throws IOException {
		ApiRequest effective = request;
		if (fault.ignoreStart()) {
			Map<String, List<String>> query = new LinkedHashMap<>(request.query());
			query.put("start", List.of("0"));
			effective = new ApiRequest(request.method(), request.path(), query, request.headers(), request.content());
		}
		Integer total = fault.total();
		Answer answer = route(effective);
		if (total == null || answer.status() != 200 || !(answer instanceof Reply reply)) {
			return answer;
		}
		return new Reply(reply.status(), reply.contentType(), JsonViews.withTotal(reply.body(), total),
				reply.headers());
	}

	private static String normalize(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}
