package dev.bentocloud.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.bentocloud.client.support.ControlCharacters;
import dev.bentocloud.client.support.SecretScrubber;
import dev.bentocloud.client.support.TransportFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

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
 * Turns HTTP outcomes into the {@link BentoCloudException} hierarchy, retries idempotent
 * requests, and scrubs tokens from every message.
 */
final class HttpErrors {

	static final int MAX_EXCERPT = 500;

	/**
	 * The most a response body may hold: larger is a malformed response, not a network
	 * problem.
	 */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	static final int MAX_TRACE_ID = 200;

	private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

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
	ExchangeFilterFunction filter(RetrySettings retry) {
		Retry retrySpec = (retry.maxRetries() > 0) ? retry.toRetry() : null;
		return (request, next) -> {
			String operation = operation(request);
			Mono<ClientResponse> exchange = Mono.defer(() -> next.exchange(request))
				.onErrorMap((ex) -> !(ex instanceof BentoCloudException), (ex) -> translate(operation, ex))
				.flatMap((response) -> (response.statusCode().value() == 200) ? Mono.just(response)
						: toException(operation, response).flatMap(Mono::error));
			if (request.method() == HttpMethod.GET && retrySpec != null) {
				exchange = retryOnFailure(exchange, retrySpec);
			}
			return exchange;
		};
	}

	/**
	 * {@code exchange.retryWhen(retry)}, with the retry machinery set up only once the
	 * first attempt has failed: a successful call, the common case, then costs one
	 * operator instead of {@code retryWhen}'s companion flux (about 5% of a call's CPU in
	 * the benchmarks).
	 */
	private static Mono<ClientResponse> retryOnFailure(Mono<ClientResponse> exchange, Retry retry) {
		return exchange.onErrorResume(HttpErrors::isRetryable, (firstFailure) -> {
			// The first subscription replays the failure so that retryWhen counts it and
			// backs off.
			AtomicBoolean replayed = new AtomicBoolean();
			return Mono.defer(() -> replayed.getAndSet(true) ? exchange : Mono.<ClientResponse>error(firstFailure))
				.retryWhen(retry);
		});
	}

	static String operation(ClientRequest request) {
		return request.method().name() + " " + request.url().getRawPath();
	}

	private Mono<BentoCloudException> toException(String operation, ClientResponse response) {
		int status = response.statusCode().value();
		// Scrubbed once here: the trace ID is also exposed by getTraceId(), which apps
		// may show
		String traceId = ControlCharacters.escape(scrub(response.headers().asHttpHeaders().getFirst("x-trace-id")),
				MAX_TRACE_ID);
		Duration retryAfter = retryAfter(response.headers().asHttpHeaders().getFirst("Retry-After"));
		return response.bodyToMono(String.class)
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty("")
			.flatMap((raw) -> Mono
				.deferContextual((context) -> Mono.just(context.<SecretScrubber>getOrEmpty(SecretBody.SCRUBBER_KEY)
					.map((values) -> values.scrub(raw))
					.orElse(raw))))
			.map((body) -> {
				String excerpt = excerpt(body);
				BentoCloudApiException ex = create(operation, status, traceId, excerpt, body);
				return ex.withRetryAfter(retryAfter);
			});
	}

	private BentoCloudApiException create(String operation, int status, @Nullable String traceId, String excerpt,
			String body) {
		String response = excerpt.isEmpty() ? "" : " Response: " + excerpt;
		String trace = (traceId != null) ? " (trace ID " + scrub(traceId) + ")" : "";
		if (status == 401) {
			return new BentoCloudUnauthenticatedException(this.target + " rejected the credentials for " + operation
					+ " (401 Unauthorized)" + trace + ". " + this.unauthorizedHint + response, operation, status,
					traceId, excerpt);
		}
		if (status == 404 || (status == 400 && body.contains("record not found"))) {
			return new BentoCloudNotFoundException(
					"Not found: " + operation + " (" + status + ")" + trace + "." + response, operation, status,
					traceId, excerpt);
		}
		if (status >= 500 && traceId != null) {
			return new BentoCloudApiException(this.target + " failed on " + operation + " with status " + status
					+ ". Please report to BentoML with trace ID " + scrub(traceId) + ": https://bentoml.com/support."
					+ response, operation, status, traceId, excerpt);
		}
		return new BentoCloudApiException(operation + " failed with status " + status + trace + "." + response,
				operation, status, traceId, excerpt);
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
				|| ex instanceof tools.jackson.core.JacksonException
				|| TransportFailures.hasCause(ex, UnsupportedMediaTypeException.class)
				|| TransportFailures.hasCause(ex, CodecException.class)) {
			return new BentoCloudMalformedResponseException("Malformed response from " + this.target + " for "
					+ operation + ": " + safe(TransportFailures.rootMessage(ex)), null); // the
																							// cause
																							// may
																							// quote
																							// the
																							// body
																							// unscrubbed
		}
		if (ex instanceof WebClientResponseException responseException
				&& !responseException.getStatusCode().is2xxSuccessful()) {
			return new BentoCloudApiException(operation + " failed with status " + responseException.getStatusCode(),
					operation, responseException.getStatusCode().value(), null, "");
		}
		return new BentoCloudTransportException("Could not get a response from " + this.target + " for " + operation
				+ ": " + TransportFailures.describe(ex, this::safe), ex)
			.withConnectFailure(TransportFailures.hasCause(ex, ConnectException.class));
	}

	static boolean isRetryable(Throwable ex) {
		if (ex instanceof BentoCloudApiException api) {
			return RETRYABLE_STATUSES.contains(api.getStatusCode());
		}
		return ex instanceof BentoCloudTransportException transport && transport.isConnectFailure();
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

	static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			long seconds = Long.parseLong(header.strip());
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			return null; // HTTP-date form: fall back to our own backoff
		}
	}

	/**
	 * Retry settings of idempotent requests.
	 *
	 * @param maxRetries retries after the first attempt
	 * @param initialBackoff first delay
	 * @param maxBackoff longest delay, {@code Retry-After} included
	 */
	record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

		static final RetrySettings NONE = new RetrySettings(0, Duration.ofMillis(200), Duration.ofSeconds(5));

		Retry toRetry() {
			return Retry.backoff(this.maxRetries, this.initialBackoff)
				.maxBackoff(this.maxBackoff)
				.jitter(0.5)
				.filter(HttpErrors::isRetryable)
				// Retry-After is a floor on the wait, capped like every backoff
				.doBeforeRetryAsync((signal) -> {
					if (signal.failure() instanceof BentoCloudApiException api && api.getRetryAfter() != null) {
						Duration wait = api.getRetryAfter().compareTo(this.maxBackoff) > 0 ? this.maxBackoff
								: api.getRetryAfter();
						return Mono.delay(wait).then();
					}
					return Mono.empty();
				})
				.onRetryExhaustedThrow((spec, signal) -> signal.failure());
		}

	}

}
