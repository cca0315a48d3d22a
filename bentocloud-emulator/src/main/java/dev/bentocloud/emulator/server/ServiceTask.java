package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A submitted task of a task route. Its progress is computed from timestamps when it is
 * read, as deployments' statuses are: no thread or timer per task. The first read after
 * its duration runs the handler once, under the task's lock.
 */
final class ServiceTask {

	static final String IN_PROGRESS = "in_progress";

	static final String COMPLETED = "completed";

	static final String FAILED = "failed";

	static final String CANCELED = "canceled";

	final String id = UUID.randomUUID().toString().replace("-", "");

	final String deployment;

	final ServedRoute route;

	final CallInput call;

	final Instant createdAt = Instant.now();

	private final Duration duration;

	private String status = IN_PROGRESS;

	private @Nullable Instant executedAt;

	private @Nullable Object result;

	private @Nullable String error;

	ServiceTask(String deployment, ServedRoute route, CallInput call) {
		this.deployment = deployment;
		this.route = route;
		this.call = call;
		this.duration = route.taskDuration().apply(call);
	}

	/** A consistent view of the task's progress. */
	record State(String status, @Nullable Instant executedAt, @Nullable Object result, @Nullable String error) {

		boolean finished() {
			return !IN_PROGRESS.equals(this.status);
		}

	}

	synchronized State state(ServiceAnswers answers) {
		settle(answers);
		return new State(this.status, this.executedAt, this.result, this.error);
	}

	/** Marks the task canceled unless it has finished already. */
	synchronized void cancel(ServiceAnswers answers) {
		settle(answers);
		if (IN_PROGRESS.equals(this.status)) {
			this.status = CANCELED;
		}
	}

	private void settle(ServiceAnswers answers) {
		if (!IN_PROGRESS.equals(this.status)) {
			return;
		}
		// Compared as Durations: a duration of Long.MAX_VALUE seconds must not overflow.
		if (Duration.between(this.createdAt, Instant.now()).compareTo(this.duration) < 0) {
			return;
		}
		this.executedAt = this.createdAt.plus(this.duration);
		try {
			this.result = answers.invoke(this.route, this.call);
			this.status = COMPLETED;
		}
		catch (RuntimeException ex) {
			this.error = ServiceAnswers.message(ex);
			this.status = FAILED;
		}
	}

}
