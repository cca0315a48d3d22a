package dev.bentocloud.emulator.server;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployed services under {@code /__services/<deployment>}, answering as a BentoML 1.4
 * service does (contract section 6.1): health endpoints, {@code GET /schema.json}, a
 * {@code POST} per route of the deployment's {@link ServedApi}, and the task endpoints of
 * task routes. A deployment with {@code access_authorization: true} requires
 * {@code Authorization: Bearer <api token>} on every path, as BentoCloud's gateway does;
 * the management header is not accepted here. Handlers run on the connection's thread,
 * which may block.
 */
final class ServiceRoutes {

	static final String PREFIX = "/__services/";

	private static final Set<String> HEALTH = Set.of("/readyz", "/livez", "/healthz");

	private final EmulatorState state;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ServiceInputs inputs = new ServiceInputs(this.mapper);

	private final ServiceAnswers answers = new ServiceAnswers(this.mapper);

	private final ServiceTasks tasks;

	ServiceRoutes(EmulatorState state) {
		this.state = state;
		this.tasks = new ServiceTasks(state.serviceTasks, this.inputs, this.answers, this.mapper);
	}

	Answer handle(ApiRequest request) throws IOException {
		String rest = request.path().substring(PREFIX.length());
		int slash = rest.indexOf('/');
		String name = (slash >= 0) ? rest.substring(0, slash) : rest;
		String relative = (slash >= 0) ? rest.substring(slash) : "";
		StoredDeployment deployment = this.state.deployments.find(name);
		if (deployment == null) {
			return Reply.message(404, "No deployed service named " + name);
		}
		if (deployment.accessAuthorization() && this.state.tokens.authenticate(bearer(request)) == null) {
			return Reply.message(401,
					"Unauthorized: this deployment requires 'Authorization: Bearer <API token>' with a valid token");
		}
		String status = deployment.status();
		if (!status.equals("running") && !status.equals("scaled-to-zero")) {
			return Reply.message(503, "Deployment " + name + " is " + status + ", not running");
		}
		ServedApi api = this.state.serviceApis.api(name);
		Map<String, String> headers = Map.of("server", "BentoML Service/" + api.name(), "x-bentoml-request-id",
				Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
		return dispatch(name, api, relative, request).withHeaders(headers);
	}

	private Answer dispatch(String deployment, ServedApi api, String path, ApiRequest request) throws IOException {
		String method = request.method();
		if (HEALTH.contains(path)) {
			return method.equals("GET") ? Reply.text(200, "\n") : notAllowed();
		}
		if (path.equals("/schema.json")) {
			return method.equals("GET") ? Reply.json(200, this.mapper.writeValueAsBytes(ServiceSchema.of(api)))
					: notAllowed();
		}
		ServedRoute route = api.routeAt(path);
		if (route != null) {
			if (!method.equals("POST")) {
				return notAllowed();
			}
			Pause.sleep(route.delay());
			return call(route, request);
		}
		int slash = path.lastIndexOf('/');
		ServedRoute task = (slash > 0) ? api.routeAt(path.substring(0, slash)) : null;
		String endpoint = path.substring(slash + 1);
		if (task != null && task.task() && ServiceTasks.ENDPOINTS.containsKey(endpoint)) {
			if (!ServiceTasks.ENDPOINTS.get(endpoint).equals(method)) {
				return notAllowed();
			}
			return this.tasks.handle(deployment, task, endpoint, request);
		}
		return Reply.text(404, "Not Found");
	}

	private Answer call(ServedRoute route, ApiRequest request) {
		ServiceInputs.Bound bound = this.inputs.bind(route, request);
		CallInput call = bound.call();
		return (call != null) ? this.answers.answer(route, call) : Objects.requireNonNull(bound.error());
	}

	private static Reply notAllowed() {
		return Reply.text(405, "Method Not Allowed");
	}

	private static @Nullable String bearer(ApiRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null || authorization.length() < 7
				|| !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
			return null;
		}
		return authorization.substring(7).trim();
	}

}
