package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error the BentoCloud client raises. Messages never contain an API token.
 *
 * @since 0.1.0
 */
public class BentoCloudException extends RuntimeException {

	public BentoCloudException(String message) {
		super(message);
	}

	public BentoCloudException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
