package dev.bentocloud.client.service;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Blocks on a {@link BentoTask}; the reactive task bounds every wait.
 */
final class DefaultBlockingBentoTask implements BlockingBentoTask {

	private final BentoTask task;

	DefaultBlockingBentoTask(BentoTask task) {
		this.task = task;
	}

	@Override
	public String id() {
		return this.task.id();
	}

	@Override
	public String route() {
		return this.task.route();
	}

	@Override
	public TaskStatus status() {
		return Blocking.get(this.task.status());
	}

	@Override
	public <T> @Nullable T result(Class<T> type) {
		return this.task.result(type).block();
	}

	@Override
	public <T> @Nullable T result(ParameterizedTypeReference<T> type) {
		return this.task.result(type).block();
	}

	@Override
	public <T> @Nullable T await(Duration timeout, Class<T> type) {
		return this.task.await(timeout, type).block();
	}

	@Override
	public <T> @Nullable T await(Duration timeout, ParameterizedTypeReference<T> type) {
		return this.task.await(timeout, type).block();
	}

	@Override
	public TaskStatus awaitFinished(Duration timeout) {
		return Blocking.get(this.task.awaitFinished(timeout));
	}

	@Override
	public void cancel() {
		this.task.cancel().block();
	}

	@Override
	public BlockingBentoTask retry() {
		return Blocking.get(this.task.retry()).blocking();
	}

	@Override
	public BentoTask reactive() {
		return this.task;
	}

	@Override
	public String toString() {
		return this.task.toString();
	}

}
