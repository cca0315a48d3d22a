package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * BentoCloud rejected the token (401): it is wrong, revoked or expired.
 *
 * @since 0.1.0
 */
public class BentoCloudUnauthenticatedException extends BentoCloudApiException {

	public BentoCloudUnauthenticatedException(String message, String operation, int statusCode,
			@Nullable String traceId, String bodyExcerpt) {
		super(message, operation, statusCode, traceId, bodyExcerpt);
	}

}
