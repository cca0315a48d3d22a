package dev.bentocloud.client;

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

	private transient java.time.@Nullable Duration retryAfter;

	public BentoCloudApiException(String message, String operation, int statusCode, @Nullable String traceId,
			String bodyExcerpt) {
		super(message);
		this.operation = operation;
		this.statusCode = statusCode;
		this.traceId = traceId;
		this.bodyExcerpt = bodyExcerpt;
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
	public java.time.@Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	BentoCloudApiException withRetryAfter(java.time.@Nullable Duration retryAfter) {
		this.retryAfter = retryAfter;
		return this;
	}

}
