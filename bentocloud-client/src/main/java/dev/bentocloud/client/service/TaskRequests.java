package dev.bentocloud.client.service;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The task endpoints of a service ({@code status}, {@code get}, {@code cancel},
 * {@code retry}), which a {@link BentoTask} calls with its route and ID.
 */
interface TaskRequests {

	Mono<TaskStatus> taskStatus(String route, String taskId);

	<T> Mono<T> taskResult(String route, String taskId, ParameterizedTypeReference<T> type);

	Mono<Void> cancelTask(String route, String taskId);

	Mono<BentoTask> retryTask(String route, String taskId);

}
