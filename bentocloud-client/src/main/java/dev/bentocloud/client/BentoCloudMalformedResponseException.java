package dev.bentocloud.client;

/**
 * A 200 response whose body is not the expected JSON (not JSON, or required fields
 * missing).
 */
public class BentoCloudMalformedResponseException extends BentoCloudException {

	public BentoCloudMalformedResponseException(String message, Throwable cause) {
		super(message, cause);
	}

}
