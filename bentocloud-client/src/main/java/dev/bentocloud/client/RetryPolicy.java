package dev.bentocloud.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.util.function.SingletonSupplier;

/**
 * Retries of idempotent requests: on connect failures and on 429, 502, 503 and 504, with
 * exponential backoff and jitter, waiting at least what {@code Retry-After} asks for (up
 * to the longest backoff).
 */
final class RetryPolicy {

	private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

	private final int maxRetries;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	// Built on the first retryable failure: most clients never need it, and building
	// it loads a dozen of Reactor's classes at startup.
	private final SingletonSupplier<Retry> retry = SingletonSupplier.of(this::createRetry);

	/**
	 * Creates a policy.
	 * @param maxRetries retries after the first attempt; 0 disables retries
	 * @param initialBackoff the first delay, doubled each time
	 * @param maxBackoff the longest delay, {@code Retry-After} included
	 */
	RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
		this.maxRetries = maxRetries;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	private Retry createRetry() {
		return Retry.backoff(this.maxRetries, this.initialBackoff)
			.maxBackoff(this.maxBackoff)
			.jitter(0.5)
			.filter(RetryPolicy::isRetryable)
			// Retry-After is a floor on the wait, capped like every backoff
			.doBeforeRetryAsync((signal) -> retryAfterDelay(signal.failure()))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * The exchange, retried on retryable failures. The retry machinery is set up only
	 * once the first attempt has failed: a successful call, the common case, then costs
	 * one operator instead of {@code retryWhen}'s companion flux (about 5% of a call's
	 * CPU in the benchmarks).
	 * @param <T> the response type
	 * @param exchange the exchange, subscribed once per attempt
	 * @return the exchange with retries
	 */
	<T> Mono<T> apply(Mono<T> exchange) {
		if (this.maxRetries == 0) {
			return exchange;
		}
		return exchange.onErrorResume(RetryPolicy::isRetryable, (firstFailure) -> {
			// The first subscription replays the failure
			// so that retryWhen counts it and backs off.
			AtomicBoolean replayed = new AtomicBoolean();
			return Mono.defer(() -> replayed.getAndSet(true) ? exchange : Mono.<T>error(firstFailure))
				.retryWhen(this.retry.obtain());
		});
	}

	private Mono<Void> retryAfterDelay(Throwable failure) {
		if (failure instanceof BentoCloudApiException api && api.getRetryAfter() != null) {
			Duration wait = (api.getRetryAfter().compareTo(this.maxBackoff) > 0) ? this.maxBackoff
					: api.getRetryAfter();
			return Mono.delay(wait).then();
		}
		return Mono.empty();
	}

	/**
	 * Whether a failed attempt may be retried.
	 * @param ex the failure
	 * @return {@code true} for a retryable status or a connect failure
	 */
	static boolean isRetryable(Throwable ex) {
		if (ex instanceof BentoCloudApiException api) {
			return RETRYABLE_STATUSES.contains(api.getStatusCode());
		}
		return ex instanceof BentoCloudTransportException transport && transport.isConnectFailure();
	}

	/**
	 * The delay of a {@code Retry-After} header in its delta-seconds form.
	 * @param header the header, may be {@code null}
	 * @return the delay, or {@code null} when absent or in the HTTP-date form
	 */
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

}
