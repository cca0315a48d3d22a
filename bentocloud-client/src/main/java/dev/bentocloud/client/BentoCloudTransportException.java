package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * No complete response arrived: connection refused, timeout, connection reset or a
 * truncated body.
 */
public class BentoCloudTransportException extends BentoCloudException {

	private final boolean connectFailure;

	public BentoCloudTransportException(String message, @Nullable Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * Creates an exception.
	 * @param message the message, free of secrets
	 * @param cause the cause, or {@code null}
	 * @param connectFailure whether no connection could be made
	 */
	public BentoCloudTransportException(String message, @Nullable Throwable cause, boolean connectFailure) {
		super(message, cause);
		this.connectFailure = connectFailure;
	}

	/** Whether no connection could be made (so the request never reached the server). */
	public boolean isConnectFailure() {
		return this.connectFailure;
	}

}
