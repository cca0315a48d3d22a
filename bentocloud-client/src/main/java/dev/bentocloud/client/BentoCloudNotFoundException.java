package dev.bentocloud.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The resource does not exist (404, or 400 with "record not found" from older servers).
 *
 * @since 0.1.0
 */
public class BentoCloudNotFoundException extends BentoCloudApiException {

	public BentoCloudNotFoundException(String message, String operation, int statusCode, @Nullable String traceId,
			String bodyExcerpt) {
		super(message, operation, statusCode, traceId, bodyExcerpt);
	}

	/**
	 * Creates an exception for an answer that also said when to try again.
	 * @param message the message, free of secrets
	 * @param operation the request
	 * @param statusCode the HTTP status
	 * @param traceId the {@code x-trace-id} response header, or {@code null}
	 * @param bodyExcerpt the start of the response body (token scrubbed), or empty
	 * @param retryAfter the {@code Retry-After} delay, or {@code null}
	 */
	public BentoCloudNotFoundException(String message, String operation, int statusCode, @Nullable String traceId,
			String bodyExcerpt, @Nullable Duration retryAfter) {
		super(message, operation, statusCode, traceId, bodyExcerpt, retryAfter);
	}

}
