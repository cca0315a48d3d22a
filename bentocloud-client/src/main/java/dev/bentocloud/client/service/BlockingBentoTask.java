package dev.bentocloud.client.service;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The operations of {@link BentoTask}, blocking, with the same names.
 *
 * @since 0.1.0
 */
public interface BlockingBentoTask {

	/**
	 * The task's ID.
	 * @return the ID
	 */
	String id();

	/**
	 * The task route's name or path.
	 * @return the route
	 */
	String route();

	/**
	 * The status now.
	 * @return the status
	 * @see BentoTask#status()
	 */
	TaskStatus status();

	/**
	 * The result of a completed task.
	 * @param <T> the result type
	 * @param type the result type
	 * @return the result
	 * @see BentoTask#result(Class)
	 */
	<T> @Nullable T result(Class<T> type);

	/**
	 * The result of a completed task, for generic result types.
	 * @param <T> the result type
	 * @param type the result type
	 * @return the result
	 */
	<T> @Nullable T result(ParameterizedTypeReference<T> type);

	/**
	 * Waits for the task to finish and returns its result.
	 * @param <T> the result type
	 * @param timeout the longest to wait
	 * @param type the result type
	 * @return the result
	 * @see BentoTask#await(Duration, Class)
	 */
	<T> @Nullable T await(Duration timeout, Class<T> type);

	/**
	 * Waits for the task to finish and returns its result, for generic result types.
	 * @param <T> the result type
	 * @param timeout the longest to wait
	 * @param type the result type
	 * @return the result
	 */
	<T> @Nullable T await(Duration timeout, ParameterizedTypeReference<T> type);

	/**
	 * Waits for the task to finish.
	 * @param timeout the longest to wait
	 * @return the final status
	 */
	TaskStatus awaitFinished(Duration timeout);

	/**
	 * Cancels the task.
	 * @see BentoTask#cancel()
	 */
	void cancel();

	/**
	 * Runs a finished task again.
	 * @return the new task
	 */
	BlockingBentoTask retry();

	/**
	 * The reactive task behind this one.
	 * @return the reactive task
	 */
	BentoTask reactive();

}
