package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * Waiting for a deployment to become ready ended without success: it reached a terminal
 * failure status ({@code failed}, {@code image-build-failed}, {@code unhealthy},
 * {@code terminating}, {@code terminated}) or the wait timed out.
 *
 * @since 0.1.0
 */
public class DeploymentNotReadyException extends BentoCloudException {

	private final String deploymentName;

	private final @Nullable String lastStatus;

	private final boolean timedOut;

	public DeploymentNotReadyException(String message, String deploymentName, @Nullable String lastStatus,
			boolean timedOut) {
		super(message);
		this.deploymentName = deploymentName;
		this.lastStatus = lastStatus;
		this.timedOut = timedOut;
	}

	public String getDeploymentName() {
		return this.deploymentName;
	}

	/** The last status seen, or {@code null} if none was read. */
	public @Nullable String getLastStatus() {
		return this.lastStatus;
	}

	/** Whether the wait timed out (rather than the deployment failing). */
	public boolean isTimedOut() {
		return this.timedOut;
	}

}
