package dev.bentocloud.client.service;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A task's status, as {@code GET /<route>/status} answers it.
 *
 * @param taskId the task's ID
 * @param state the state
 * @param createdAt when the task was submitted, if the service said
 * @param executedAt when it started running, if it has and the service said
 * @since 0.1.0
 */
public record TaskStatus(String taskId, TaskState state, @Nullable Instant createdAt, @Nullable Instant executedAt) {

	/**
	 * Whether the task will not change any more: completed, failed or canceled.
	 * @return whether it is finished
	 */
	public boolean isFinished() {
		return this.state.isFinished();
	}

}
