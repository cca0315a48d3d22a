package dev.bentocloud.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * BentoCloud (or a deployed service) answered with a status other than 200.
 *
 * @since 0.1.0
 */
public class BentoCloudApiException extends BentoCloudException {

	private final String operation;

	private final int statusCode;

	private final @Nullable String traceId;

	private final String bodyExcerpt;

	private final transient @Nullable Duration retryAfter;

	public BentoCloudApiException(String message, String operation, int statusCode, @Nullable String traceId,
			String bodyExcerpt) {
		this(message, operation, statusCode, traceId, bodyExcerpt, null);
	}

	/**
	 * Creates an exception for an answer that also said when to try again.
	 * @param message the message, free of secrets
	 * @param operation the request, e.g. {@code GET /api/v1/auth/current}
	 * @param statusCode the HTTP status
	 * @param traceId the {@code x-trace-id} response header, or {@code null}
	 * @param bodyExcerpt the start of the response body (token scrubbed), or empty
	 * @param retryAfter the {@code Retry-After} delay, or {@code null}
	 */
	public BentoCloudApiException(String message, String operation, int statusCode, @Nullable String traceId,
			String bodyExcerpt, @Nullable Duration retryAfter) {
		super(message);
		this.operation = operation;
		this.statusCode = statusCode;
		this.traceId = traceId;
		this.bodyExcerpt = bodyExcerpt;
		this.retryAfter = retryAfter;
	}

	/** The request, e.g. {@code GET /api/v1/auth/current}. */
	public String getOperation() {
		return this.operation;
	}

	/** The real HTTP status, 5xx included. */
	public int getStatusCode() {
		return this.statusCode;
	}

	/** The {@code x-trace-id} response header, for BentoML support, or {@code null}. */
	public @Nullable String getTraceId() {
		return this.traceId;
	}

	/** The start of the response body (token scrubbed), or an empty string. */
	public String getBodyExcerpt() {
		return this.bodyExcerpt;
	}

	/** The {@code Retry-After} delay the server asked for, or {@code null}. */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
