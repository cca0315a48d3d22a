package dev.bentocloud.client.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BentoCloudMalformedResponseException;
import dev.bentocloud.client.BentoCloudTransportException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.support.ControlCharacters;
import dev.bentocloud.client.support.SecretScrubber;
import dev.bentocloud.client.support.TransportFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Maps what a deployed service answers, or fails to answer, to the client's exceptions:
 * the server's message from an object or array body, validation details, the request ID;
 * the token scrubbed and control characters escaped everywhere.
 */
final class ServiceErrors {

	static final String UNAUTHORIZED_HINT = "Protected deployments (access_authorization: true) need "
			+ "`Authorization: Bearer` with an API token that has Protected Endpoint Access; pass it to "
			+ "BentoServiceClientFactory.create(url, token) or set it as the factory's default token with "
			+ "BentoServiceClientFactory.Builder.defaultToken(...).";

	private static final int MAX_EXCERPT = 500;

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final String target;

	private final SecretScrubber scrubber;

	private final JsonMapper json;

	private final long maxResponseSize;

	ServiceErrors(String target, @Nullable String token, JsonMapper json, long maxResponseSize) {
		this.target = target;
		this.scrubber = SecretScrubber.of(token);
		this.json = json;
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * The error for a response whose status is not 2xx; reads (a bounded part of) its
	 * body.
	 */
	Mono<BentoCloudException> toException(String operation, ClientResponse response) {
		int status = response.statusCode().value();
		String requestId = safe(response.headers().asHttpHeaders().getFirst("x-bentoml-request-id"), 200);
		return response.bodyToMono(byte[].class)
			.map((bytes) -> new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY), StandardCharsets.UTF_8))
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty("")
			.map((body) -> create(operation, status, requestId, body));
	}

	private BentoCloudException create(String operation, int status, @Nullable String requestId, String body) {
		String excerpt = excerpt(body);
		ServerError error = parse(body);
		String request = (requestId != null) ? " (request ID " + requestId + ")" : "";
		String said = (error.message() != null) ? ": " + error.message() : (excerpt.isEmpty() ? "" : ": " + excerpt);
		String details = describe(error.details());
		if (status == 401 || status == 403) {
			return new BentoCloudUnauthenticatedException(this.target + " refused " + operation + " with status "
					+ status + request + said + ". " + UNAUTHORIZED_HINT, operation, status, requestId, excerpt);
		}
		String message = operation + " on " + this.target + " failed with status " + status + request + said + details;
		return new BentoServiceException(message, operation, status, requestId, excerpt, error.message(),
				error.details());
	}

	/** Maps a failure that is not yet a {@link BentoCloudException}. */
	BentoCloudException translate(String operation, Throwable ex, Duration timeout) {
		if (ex instanceof BentoCloudException bentoCloudException) {
			return bentoCloudException;
		}
		if (TransportFailures.hasCause(ex, DataBufferLimitException.class)) {
			return new BentoCloudMalformedResponseException(
					"The answer of " + this.target + " to " + operation + " is larger than "
							+ size(this.maxResponseSize)
							+ "; raise the client's maxResponseSize, or read it as a Path, Resource or ServiceFile",
					null);
		}
		if (ex instanceof CodecException || ex instanceof UnsupportedMediaTypeException
				|| ex instanceof JacksonException || TransportFailures.hasCause(ex, CodecException.class)
				|| TransportFailures.hasCause(ex, UnsupportedMediaTypeException.class)) {
			// the cause may quote the body: not kept
			return new BentoCloudMalformedResponseException("The answer of " + this.target + " to " + operation
					+ " could not be read: " + safe(TransportFailures.rootMessage(ex), MAX_EXCERPT), null);
		}
		if (ex instanceof TimeoutException) {
			return new BentoCloudTransportException(
					this.target + " did not complete " + operation + " within " + seconds(timeout), ex);
		}
		return new BentoCloudTransportException("Could not get a response from " + this.target + " for " + operation
				+ ": " + TransportFailures.describe(ex, (text) -> escaped(text, MAX_EXCERPT)), ex);
	}

	String target() {
		return this.target;
	}

	@Nullable String safe(@Nullable String text, int max) {
		return (text != null) ? escaped(text, max) : null;
	}

	private String escaped(String text, int max) {
		return ControlCharacters.escape(this.scrubber.scrub(text), max);
	}

	private String excerpt(String body) {
		String scrubbed = this.scrubber.scrub(body).strip();
		String cut = (scrubbed.length() > MAX_EXCERPT) ? scrubbed.substring(0, MAX_EXCERPT) + "..." : scrubbed;
		return ControlCharacters.escape(cut);
	}

	@SuppressWarnings("unchecked")
	private ServerError parse(String body) {
		if (body.isBlank()) {
			return new ServerError(null, List.of());
		}
		Object value;
		try {
			value = this.json.readValue(body, Object.class);
		}
		catch (JacksonException ex) {
			return new ServerError(null, List.of());
		}
		if (value instanceof List<?> list && !list.isEmpty()) {
			value = list.get(0);
		}
		if (!(value instanceof Map<?, ?> map)) {
			return new ServerError(null, List.of());
		}
		Object message = (map.get("error") != null) ? map.get("error") : map.get("message");
		List<Map<String, Object>> details = new ArrayList<>();
		if (map.get("detail") instanceof List<?> detailList) {
			for (Object detail : detailList) {
				if (detail instanceof Map<?, ?> detailMap) {
					details.add((Map<String, Object>) detailMap);
				}
			}
		}
		else if (message == null && map.get("detail") instanceof String detail) {
			message = detail;
		}
		return new ServerError((message != null) ? safe(String.valueOf(message), MAX_EXCERPT) : null, details);
	}

	private String describe(List<Map<String, Object>> details) {
		if (details.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> detail : details) {
			Object loc = detail.get("loc");
			String where = (loc instanceof List<?> path && !path.isEmpty()) ? String.valueOf(path.get(path.size() - 1))
					: String.valueOf(loc);
			text.append("; ").append(where).append(": ").append(detail.get("msg"));
		}
		return " [" + safe(text.substring(2), MAX_EXCERPT) + "]";
	}

	static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	static String size(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MiB";
		}
		return (bytes % 1024 == 0) ? (bytes / 1024) + " KiB" : bytes + " bytes";
	}

	private record ServerError(@Nullable String message, List<Map<String, Object>> details) {
	}

}
