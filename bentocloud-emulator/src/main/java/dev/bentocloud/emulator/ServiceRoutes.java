package dev.bentocloud.emulator;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deployed services under {@code /__services/<name>}: {@code GET /readyz},
 * {@code GET /schema.json} and {@code POST /<route>} echoing its JSON input. A deployment
 * with {@code access_authorization: true} requires
 * {@code Authorization: Bearer <api token>}; the management header is not accepted here.
 */
final class ServiceRoutes {

	static final String PREFIX = "/__services/";

	private final EmulatorState state;

	ServiceRoutes(EmulatorState state) {
		this.state = state;
	}

	Reply handle(ApiRequest request) {
		String rest = request.path().substring(PREFIX.length());
		int slash = rest.indexOf('/');
		String name = (slash >= 0) ? rest.substring(0, slash) : rest;
		String route = (slash >= 0) ? rest.substring(slash + 1) : "";
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
		if (request.method().equals("GET")) {
			return switch (route) {
				case "readyz", "livez", "healthz" -> Reply.text(200, "OK");
				case "schema.json" -> schema();
				default -> Reply.message(404, "No route GET /" + route);
			};
		}
		if (!request.method().equals("POST") || route.isEmpty()) {
			return Reply.message(405, "Use POST /<route> with a JSON body, or GET /readyz");
		}
		JsonNode input;
		try {
			input = request.body().isBlank() ? this.state.views.object().nullNode()
					: this.state.views.parse(request.body());
		}
		catch (JacksonException ex) {
			return Reply.message(400, "Request body is not valid JSON");
		}
		ObjectNode answer = this.state.views.object();
		answer.put("route", route);
		answer.set("input", input);
		return Reply.json(200, this.state.views.bytes(answer));
	}

	private Reply schema() {
		ObjectNode schema = this.state.views.object();
		ObjectNode route = schema.putArray("routes").addObject();
		route.put("name", "classify");
		route.put("route", "/classify");
		route.putObject("input").put("type", "object");
		route.putObject("output").put("type", "object");
		route.put("doc", "Echoes its input");
		route.put("is_task", false);
		return Reply.json(200, this.state.views.bytes(schema));
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
