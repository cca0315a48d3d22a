package dev.bentocloud.client;

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

}
