package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * No complete response arrived: connection refused, timeout, connection reset or a
 * truncated body.
 */
public class BentoCloudTransportException extends BentoCloudException {

	public BentoCloudTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	private boolean connectFailure;

	/** Whether no connection could be made (so the request never reached the server). */
	public boolean isConnectFailure() {
		return this.connectFailure;
	}

	BentoCloudTransportException withConnectFailure(boolean connectFailure) {
		this.connectFailure = connectFailure;
		return this;
	}

}
