package dev.bentocloud.emulator.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/api_tokens}: the caller's own API tokens. */
final class TokenRoutes {

	static final String PATH = "/api/v1/api_tokens";

	private final EmulatorState state;

	private final ManagementRequests requests;

	TokenRoutes(EmulatorState state, ManagementRequests requests) {
		this.state = state;
		this.requests = requests;
	}

	Reply handle(ApiRequest request, StoredUser user) {
		if (request.path().equals(PATH)) {
			return switch (request.method()) {
				case "GET" -> list(request, user);
				case "POST" -> create(request, user);
				default -> throw ManagementRequests.methodNotAllowed(request);
			};
		}
		String uid = ManagementRequests.lastSegment(request.path(), PATH + "/");
		return switch (request.method()) {
			case "GET" -> this.requests.ok(this.state.views.token(find(uid, user), false, Instant.now()));
			case "DELETE" -> delete(uid, user);
			default -> throw ManagementRequests.methodNotAllowed(request);
		};
	}

	private Reply list(ApiRequest request, StoredUser user) {
		List<StoredApiToken> matching = this.state.tokens.list(user, request.param("search"));
		Instant now = Instant.now();
		return this.requests.page(request, matching, (token) -> this.state.views.token(token, false, now));
	}

	private Reply create(ApiRequest request, StoredUser user) {
		ObjectNode body = this.requests.jsonObject(request,
				"{\"name\": \"ci\", \"description\": null, \"scopes\": null, \"expired_at\": null}");
		String name = ManagementRequests.optionalString(body, "name");
		if (name == null || name.isBlank()) {
			throw new ApiException(400, "name is required: send a non-empty \"name\" in the JSON body");
		}
		String description = ManagementRequests.optionalString(body, "description");
		List<String> scopes = new ArrayList<>();
		JsonNode scopesNode = body.get("scopes");
		if (scopesNode != null && !scopesNode.isNull()) {
			if (!scopesNode.isArray()) {
				throw new ApiException(400, "scopes must be a JSON array of strings or null");
			}
			for (JsonNode scope : scopesNode) {
				if (!scope.isString()) {
					throw new ApiException(400, "scopes must be a JSON array of strings or null");
				}
				scopes.add(scope.stringValue());
			}
		}
		Instant expiredAt = ExpiryDates.parse(ManagementRequests.optionalString(body, "expired_at"));
		StoredApiToken token = this.state.tokens.create(user, name, description, scopes, expiredAt);
		return this.requests.ok(this.state.views.token(token, true, Instant.now()));
	}

	private Reply delete(String uid, StoredUser user) {
		StoredApiToken token = find(uid, user);
		this.state.tokens.delete(token.uid);
		return this.requests.ok(this.state.views.token(token, false, Instant.now()));
	}

	private StoredApiToken find(String uid, StoredUser user) {
		StoredApiToken token = this.state.tokens.findByUid(uid);
		if (token == null || !token.user.uid().equals(user.uid())) {
			throw this.state.legacyNotFound() ? new ApiException(400, "record not found")
					: new ApiException(404, "API token " + uid + " not found");
		}
		return token;
	}

}
