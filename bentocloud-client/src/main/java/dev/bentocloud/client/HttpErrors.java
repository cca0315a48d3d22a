package dev.bentocloud.client;

import java.net.ConnectException;
import java.time.Duration;

import dev.bentocloud.client.support.ControlCharacters;
import dev.bentocloud.client.support.SecretScrubber;
import dev.bentocloud.client.support.TransportFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.lang.Contract;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Turns HTTP outcomes into the {@link BentoCloudException} hierarchy and scrubs tokens
 * from every message; {@link RetryPolicy} retries idempotent requests.
 */
final class HttpErrors {

	static final int MAX_EXCERPT = 500;

	/**
	 * The most a response body may hold: larger is a malformed response, not a network
	 * problem.
	 */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	static final int MAX_TRACE_ID = 200;

	private final SecretScrubber scrubber;

	private final String unauthorizedHint;

	private final String target;

	HttpErrors(String target, String unauthorizedHint, @Nullable String... secrets) {
		this.target = target;
		this.unauthorizedHint = unauthorizedHint;
		this.scrubber = SecretScrubber.of(secrets);
	}

	/**
	 * Maps non-200 responses and transport failures, and retries GETs per {@code retry}.
	 */
	ExchangeFilterFunction filter(RetryPolicy retry) {
		return (request, next) -> {
			String operation = operation(request);
			Mono<ClientResponse> exchange = Mono.defer(() -> next.exchange(request))
				.onErrorMap((ex) -> !(ex instanceof BentoCloudException), (ex) -> translate(operation, ex))
				.flatMap((response) -> (response.statusCode().value() == 200) ? Mono.just(response)
						: toException(operation, response).flatMap(Mono::error));
			return (request.method() == HttpMethod.GET) ? retry.apply(exchange) : exchange;
		};
	}

	static String operation(ClientRequest request) {
		return request.method().name() + " " + request.url().getRawPath();
	}

	private Mono<BentoCloudException> toException(String operation, ClientResponse response) {
		int status = response.statusCode().value();
		// Scrubbed once here: the trace ID is also
		// exposed by getTraceId(), which apps may show.
		String traceId = ControlCharacters.escape(scrub(response.headers().asHttpHeaders().getFirst("x-trace-id")),
				MAX_TRACE_ID);
		Duration retryAfter = RetryPolicy.retryAfter(response.headers().asHttpHeaders().getFirst("Retry-After"));
		return response.bodyToMono(String.class)
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty("")
			.flatMap((raw) -> Mono
				.deferContextual((context) -> Mono.just(context.<SecretScrubber>getOrEmpty(SecretBody.SCRUBBER_KEY)
					.map((values) -> values.scrub(raw))
					.orElse(raw))))
			.map((body) -> create(operation, status, traceId, excerpt(body), body, retryAfter));
	}

	private BentoCloudApiException create(String operation, int status, @Nullable String traceId, String excerpt,
			String body, @Nullable Duration retryAfter) {
		String response = excerpt.isEmpty() ? "" : " Response: " + excerpt;
		String trace = (traceId != null) ? " (trace ID " + scrub(traceId) + ")" : "";
		if (status == 401) {
			return new BentoCloudUnauthenticatedException(this.target + " rejected the credentials for " + operation
					+ " (401 Unauthorized)" + trace + ". " + this.unauthorizedHint + response, operation, status,
					traceId, excerpt, retryAfter);
		}
		if (status == 404 || (status == 400 && body.contains("record not found"))) {
			return new BentoCloudNotFoundException(
					"Not found: " + operation + " (" + status + ")" + trace + "." + response, operation, status,
					traceId, excerpt, retryAfter);
		}
		if (status >= 500 && traceId != null) {
			return new BentoCloudApiException(
					this.target + " failed on " + operation + " with status " + status
							+ ". Please report to BentoML with trace ID " + scrub(traceId)
							+ ": https://bentoml.com/support." + response,
					operation, status, traceId, excerpt, retryAfter);
		}
		return new BentoCloudApiException(operation + " failed with status " + status + trace + "." + response,
				operation, status, traceId, excerpt, retryAfter);
	}

	/** Maps a failure that is not yet a {@link BentoCloudException}. */
	BentoCloudException translate(String operation, Throwable ex) {
		if (ex instanceof BentoCloudException bentoCloudException) {
			return bentoCloudException;
		}
		if (TransportFailures.hasCause(ex, DataBufferLimitException.class)) {
			return new BentoCloudMalformedResponseException("Malformed response from " + this.target + " for "
					+ operation + ": the body is larger than " + (MAX_BODY_BYTES >> 20) + " MiB", null);
		}
		if (ex instanceof CodecException || ex instanceof UnsupportedMediaTypeException
				|| ex instanceof JacksonException || TransportFailures.hasCause(ex, UnsupportedMediaTypeException.class)
				|| TransportFailures.hasCause(ex, CodecException.class)) {
			// The cause may quote the body unscrubbed, so it is not kept.
			return new BentoCloudMalformedResponseException("Malformed response from " + this.target + " for "
					+ operation + ": " + safe(TransportFailures.rootMessage(ex)), null);
		}
		if (ex instanceof WebClientResponseException responseException
				&& !responseException.getStatusCode().is2xxSuccessful()) {
			return new BentoCloudApiException(operation + " failed with status " + responseException.getStatusCode(),
					operation, responseException.getStatusCode().value(), null, "");
		}
		return new BentoCloudTransportException(
				"Could not get a response from " + this.target + " for " + operation + ": "
						+ TransportFailures.describe(ex, this::safe),
				ex, TransportFailures.hasCause(ex, ConnectException.class));
	}

	/**
	 * The body as messages show it: scrubbed, control characters escaped, at most 500
	 * characters.
	 */
	String excerpt(String body) {
		String scrubbed = scrub(body).strip();
		String cut = (scrubbed.length() > MAX_EXCERPT) ? scrubbed.substring(0, MAX_EXCERPT) + "..." : scrubbed;
		return ControlCharacters.escape(cut);
	}

	/**
	 * Server-supplied text (an exception message may quote the body): scrubbed and
	 * escaped.
	 */
	String safe(String text) {
		return ControlCharacters.escape(scrub(text), MAX_EXCERPT);
	}

	@Contract("null -> null; !null -> !null")
	@Nullable String scrub(@Nullable String text) {
		return this.scrubber.scrub(text);
	}

}
