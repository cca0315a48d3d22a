package dev.bentocloud.client.service;

import dev.bentocloud.client.BentoCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A service did not become ready ({@code /readyz} answering 200) in time.
 *
 * @since 0.1.0
 */
public class ServiceNotReadyException extends BentoCloudException {

	/**
	 * Creates an exception.
	 * @param message the message, naming the last answer
	 * @param cause the last failure, if any
	 */
	public ServiceNotReadyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
