package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * A 200 response whose body is not the expected JSON (not JSON, or required fields
 * missing).
 */
public class BentoCloudMalformedResponseException extends BentoCloudException {

	public BentoCloudMalformedResponseException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
