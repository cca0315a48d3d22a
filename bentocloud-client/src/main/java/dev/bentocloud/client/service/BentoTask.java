package dev.bentocloud.client.service;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A task of a {@code @bentoml.task} route: submitted, then polled for its status and
 * result.
 *
 * @since 0.1.0
 */
public interface BentoTask {

	/**
	 * The task's ID, as the service gave it.
	 * @return the ID
	 */
	String id();

	/**
	 * The task route's name or path, as given when submitting.
	 * @return the route
	 */
	String route();

	/**
	 * {@code GET /<route>/status?task_id=}.
	 * @return the status now
	 */
	Mono<TaskStatus> status();

	/**
	 * {@code GET /<route>/get?task_id=}: the result of a completed task, decoded as
	 * {@link BentoServiceClient#call(String, Object, Class)} decodes. A task that is not
	 * completed yet answers 400 ({@link BentoServiceException}).
	 * @param <T> the result type
	 * @param type the result type
	 * @return the result
	 */
	<T> Mono<T> result(Class<T> type);

	/**
	 * The result of a completed task, for generic result types.
	 * @param <T> the result type
	 * @param type the result type
	 * @return the result
	 */
	<T> Mono<T> result(ParameterizedTypeReference<T> type);

	/**
	 * Polls the status, with pauses growing from 100 ms to 2 s, until the task is
	 * finished, then reads the result. Fails with a {@link BentoTaskException} when the
	 * task failed or was canceled, or is still running after {@code timeout}.
	 * @param <T> the result type
	 * @param timeout the longest to wait
	 * @param type the result type
	 * @return the result
	 */
	<T> Mono<T> await(Duration timeout, Class<T> type);

	/**
	 * As {@link #await(Duration, Class)}, for generic result types.
	 * @param <T> the result type
	 * @param timeout the longest to wait
	 * @param type the result type
	 * @return the result
	 */
	<T> Mono<T> await(Duration timeout, ParameterizedTypeReference<T> type);

	/**
	 * Polls the status until the task is finished (completed, failed or canceled).
	 * @param timeout the longest to wait
	 * @return the final status
	 */
	Mono<TaskStatus> awaitFinished(Duration timeout);

	/**
	 * {@code PUT /<route>/cancel?task_id=}. Completes when the service canceled the task
	 * (also when it answers 400 but marks the task canceled, as BentoML's own server
	 * does).
	 * @return completes once canceled
	 */
	Mono<Void> cancel();

	/**
	 * {@code POST /<route>/retry?task_id=}: runs a finished task again.
	 * @return the new task
	 */
	Mono<BentoTask> retry();

	/**
	 * The same operations, blocking.
	 * @return the blocking view
	 */
	BlockingBentoTask blocking();

}
