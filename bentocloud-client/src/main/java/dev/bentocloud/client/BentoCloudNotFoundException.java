package dev.bentocloud.client;

/**
 * The resource does not exist (404, or 400 with "record not found" from older servers).
 */
public class BentoCloudNotFoundException extends BentoCloudApiException {

	public BentoCloudNotFoundException(String message, String operation, int statusCode, String traceId,
			String bodyExcerpt) {
		super(message, operation, statusCode, traceId, bodyExcerpt);
	}

}
