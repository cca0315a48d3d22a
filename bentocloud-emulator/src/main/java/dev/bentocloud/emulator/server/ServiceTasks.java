package dev.bentocloud.emulator.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task endpoints of a task route, as BentoML's server answers them:
 * {@code POST /submit}, {@code GET /status}, {@code GET /get}, {@code POST /retry} and
 * {@code PUT /cancel} (which answers 400 "not supported" yet cancels).
 */
final class ServiceTasks {

	/** The endpoints under a task route's path, and the method each takes. */
	static final Map<String, String> ENDPOINTS = Map.of("submit", "POST", "status", "GET", "get", "GET", "retry",
			"POST", "cancel", "PUT");

	private static final Set<String> NEEDS_ID = Set.of("status", "get", "retry", "cancel");

	private final Map<String, ServiceTask> tasks;

	private final ServiceInputs inputs;

	private final ServiceAnswers answers;

	private final JsonMapper mapper;

	ServiceTasks(Map<String, ServiceTask> tasks, ServiceInputs inputs, ServiceAnswers answers, JsonMapper mapper) {
		this.tasks = tasks;
		this.inputs = inputs;
		this.answers = answers;
		this.mapper = mapper;
	}

	/**
	 * Answers one task endpoint.
	 * @param deployment the deployment's name
	 * @param route the task route
	 * @param endpoint one of {@link #ENDPOINTS}, whose method the request has
	 * @param request the request
	 * @return the answer
	 */
	Answer handle(String deployment, ServedRoute route, String endpoint, ApiRequest request) {
		if (endpoint.equals("submit")) {
			ServiceInputs.Bound bound = this.inputs.bind(route, request);
			CallInput call = bound.call();
			return (call != null) ? submitted(new ServiceTask(deployment, route, call))
					: Objects.requireNonNull(bound.error());
		}
		ServiceTask task = find(deployment, route, NEEDS_ID.contains(endpoint) ? request.param("task_id") : null);
		if (task == null) {
			return this.answers.error(404, "task_id not found");
		}
		ServiceTask.State state = task.state(this.answers);
		return switch (endpoint) {
			case "status" -> status(task, state);
			case "get" -> result(task, state);
			case "retry" -> state.finished() ? submitted(new ServiceTask(deployment, route, task.call)) : this.answers
				.error(400, "Only a finished task can be retried; task " + task.id + " is " + state.status());
			default -> {
				task.cancel(this.answers);
				yield this.answers.error(400, "Cancelling a task is not supported");
			}
		};
	}

	void clear() {
		this.tasks.clear();
	}

	private @Nullable ServiceTask find(String deployment, ServedRoute route, @Nullable String id) {
		ServiceTask task = (id != null) ? this.tasks.get(id) : null;
		// A task belongs to one deployment's route: another route does not know its id.
		return (task != null && task.deployment.equals(deployment) && task.route.name().equals(route.name())) ? task
				: null;
	}

	private Reply submitted(ServiceTask task) {
		this.tasks.put(task.id, task);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("task_id", task.id);
		body.put("status", ServiceTask.IN_PROGRESS);
		return Reply.json(200, this.mapper.writeValueAsBytes(body));
	}

	private Reply status(ServiceTask task, ServiceTask.State state) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("task_id", task.id);
		body.put("status", state.status());
		body.put("created_at", task.createdAt.toString());
		Instant executedAt = state.executedAt();
		body.put("executed_at", (executedAt != null) ? executedAt.toString() : null);
		return Reply.json(200, this.mapper.writeValueAsBytes(body));
	}

	private Answer result(ServiceTask task, ServiceTask.State state) {
		if (ServiceTask.FAILED.equals(state.status())) {
			String error = state.error();
			return this.answers.error(500, (error != null) ? error : "task failed");
		}
		if (!ServiceTask.COMPLETED.equals(state.status())) {
			return this.answers.error(400, "task " + task.id + " is not completed yet");
		}
		try {
			return this.answers.render(task.route, task.call, state.result());
		}
		catch (RuntimeException ex) {
			return this.answers.error(500, ServiceAnswers.message(ex));
		}
	}

}
