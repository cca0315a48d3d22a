package dev.bentocloud.client.service;

import dev.bentocloud.client.BentoCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A task failed, was canceled, or did not finish in the time given.
 *
 * @since 0.1.0
 */
public class BentoTaskException extends BentoCloudException {

	private final String taskId;

	private final @Nullable TaskState state;

	/**
	 * Creates an exception.
	 * @param message the message
	 * @param taskId the task's ID
	 * @param state the task's last known state, or {@code null}
	 * @param cause the failure behind it, if any
	 */
	public BentoTaskException(String message, String taskId, @Nullable TaskState state, @Nullable Throwable cause) {
		super(message, cause);
		this.taskId = taskId;
		this.state = state;
	}

	/**
	 * The task's ID.
	 * @return the ID
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * The task's last known state: {@code FAILED}, {@code CANCELED}, or a running state
	 * when waiting timed out.
	 * @return the state, or {@code null} when it was never read
	 */
	public @Nullable TaskState getState() {
		return this.state;
	}

}
