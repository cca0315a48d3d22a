package dev.bentocloud.emulator.server;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/org_secrets}: the organization's secrets, by name. */
final class SecretRoutes {

	static final String PATH = "/api/v1/org_secrets";

	private static final String EXAMPLE = "{\"name\": \"s\", \"content\": {\"type\": \"env\", \"items\": "
			+ "[{\"key\": \"K\", \"sub_path\": null, \"value\": \"V\"}], \"path\": null, \"stage\": \"runtime\"}, "
			+ "\"description\": null}";

	private final EmulatorState state;

	private final ManagementRequests requests;

	SecretRoutes(EmulatorState state, ManagementRequests requests) {
		this.state = state;
		this.requests = requests;
	}

	Reply handle(ApiRequest request, StoredUser user) {
		if (request.path().equals(PATH)) {
			return switch (request.method()) {
				case "GET" -> this.requests.page(request, this.state.secrets.list(request.param("search")),
						this.state.views::secret);
				case "POST" -> create(request, user);
				default -> throw ManagementRequests.methodNotAllowed(request);
			};
		}
		String name = ManagementRequests.lastSegment(request.path(), PATH + "/");
		return switch (request.method()) {
			case "GET" -> this.requests.ok(this.state.views.secret(find(request, name)));
			case "PATCH" -> update(request, name);
			case "DELETE" -> delete(request, name);
			default -> throw ManagementRequests.methodNotAllowed(request);
		};
	}

	private Reply create(ApiRequest request, StoredUser user) {
		ObjectNode body = this.requests.jsonObject(request, EXAMPLE);
		String name = ManagementRequests.optionalString(body, "name");
		if (name == null || name.isBlank()) {
			throw new ApiException(400, "name is required: send a non-empty \"name\" in the JSON body");
		}
		ObjectNode content = content(body);
		String cluster = request.param("cluster");
		cluster = (cluster != null) ? cluster : ClusterStore.DEFAULT;
		this.state.clusters.ensure(cluster);
		OrgSecret created = this.state.secrets.create(name, cluster, user, content,
				ManagementRequests.optionalString(body, "description"));
		if (created == null) {
			throw new ApiException(409, "Secret " + name + " already exists; update it with PATCH instead");
		}
		return this.requests.ok(this.state.views.secret(created));
	}

	private Reply update(ApiRequest request, String name) {
		OrgSecret secret = find(request, name);
		ObjectNode body = this.requests.jsonObject(request, "{\"content\": {...}, \"description\": null}");
		secret.update(content(body), ManagementRequests.optionalString(body, "description"));
		return this.requests.ok(this.state.views.secret(secret));
	}

	private Reply delete(ApiRequest request, String name) {
		OrgSecret secret = find(request, name);
		if (this.state.secrets.remove(name) == null) {
			throw new ApiException(404, "Secret " + name + " not found");
		}
		return this.requests.ok(this.state.views.secret(secret));
	}

	private OrgSecret find(ApiRequest request, String name) {
		OrgSecret secret = this.state.secrets.find(name);
		String cluster = request.param("cluster");
		if (secret == null || (cluster != null && !cluster.equals(secret.cluster))) {
			throw this.state.legacyNotFound() ? new ApiException(400, "record not found") : new ApiException(404,
					"Secret " + name + " not found" + ((cluster != null) ? " in cluster " + cluster : ""));
		}
		return secret;
	}

	/**
	 * {@code SecretContentSchema}: type env or mountfile, items with a string key; kept
	 * as sent.
	 */
	private static ObjectNode content(ObjectNode body) {
		JsonNode content = body.get("content");
		if (content == null || !content.isObject()) {
			throw new ApiException(400, "content is required: send \"content\": {\"type\": \"env\", \"items\": [...]}");
		}
		String type = content.path("type").isString() ? content.get("type").stringValue() : null;
		if (!"env".equals(type) && !"mountfile".equals(type)) {
			throw new ApiException(400, "content.type must be \"env\" or \"mountfile\"");
		}
		JsonNode items = content.get("items");
		if (items == null || !items.isArray()) {
			throw new ApiException(400, "content.items must be a JSON array of {key, sub_path, value}");
		}
		for (JsonNode item : items) {
			if (!item.isObject() || !item.path("key").isString() || item.get("key").stringValue().isEmpty()) {
				throw new ApiException(400, "every content.items entry needs a non-empty string \"key\"");
			}
		}
		ObjectNode copy = (ObjectNode) content.deepCopy();
		for (String key : List.of("path", "stage")) {
			if (!copy.has(key)) {
				copy.putNull(key);
			}
		}
		return copy;
	}

}
