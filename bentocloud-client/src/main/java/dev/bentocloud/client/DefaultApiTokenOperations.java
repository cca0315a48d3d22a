package dev.bentocloud.client;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.TokenExpiry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ApiTokenOperations} over the management API.
 */
final class DefaultApiTokenOperations implements ApiTokenOperations {

	private final ManagementCalls calls;

	DefaultApiTokenOperations(ManagementCalls calls) {
		this.calls = calls;
	}

	@Override
	public Flux<ApiToken> list(@Nullable String search) {
		return this.calls.paged("GET /api/v1/api_tokens", (start) -> this.calls.call("GET /api/v1/api_tokens",
				this.calls.api().listApiTokens(start, ManagementCalls.PAGE_SIZE, search)));
	}

	@Override
	public Mono<ApiToken> create(CreateApiTokenRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", request.name());
		body.put("description", request.description());
		body.put("scopes",
				(request.scopes() != null) ? request.scopes().stream().map(ApiTokenScope::value).toList() : null);
		body.put("expired_at", (request.expiry() != null) ? TokenExpiry.format(request.expiry()) : null);
		return this.calls.call("POST /api/v1/api_tokens", this.calls.api().createApiToken(body));
	}

	@Override
	public Mono<ApiToken> get(String uid) {
		return ManagementCalls.absentAsEmpty(this.calls.call("GET /api/v1/api_tokens/{uid}",
				this.calls.api().getApiToken(ManagementCalls.requireText(uid, "uid"))));
	}

	@Override
	public Mono<Void> delete(String uid) {
		return this.calls.call("DELETE /api/v1/api_tokens/{uid}",
				this.calls.api().deleteApiToken(ManagementCalls.requireText(uid, "uid")));
	}

}
