package dev.bentocloud.client.model;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to send when creating an API token.
 *
 * @param name the token name (required)
 * @param description an optional description
 * @param scopes the scopes; {@code null} sends {@code null}, leaving the server default
 * @param expiry when the token expires, or {@code null} for never; see
 * {@link TokenExpiry}
 */
public record CreateApiTokenRequest(String name, @Nullable String description, @Nullable List<ApiTokenScope> scopes,
		@Nullable Instant expiry) {

	public CreateApiTokenRequest {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An API token needs a name");
		}
		scopes = (scopes != null) ? List.copyOf(scopes) : null;
	}

	public static CreateApiTokenRequest named(String name) {
		return new CreateApiTokenRequest(name, null, null, null);
	}

	public CreateApiTokenRequest withDescription(String description) {
		return new CreateApiTokenRequest(this.name, description, this.scopes, this.expiry);
	}

	public CreateApiTokenRequest withScopes(ApiTokenScope... scopes) {
		return new CreateApiTokenRequest(this.name, this.description, List.of(scopes), this.expiry);
	}

	public CreateApiTokenRequest withExpiry(Instant expiry) {
		return new CreateApiTokenRequest(this.name, this.description, this.scopes, expiry);
	}

	/** Sets the expiry from CLI-style text such as {@code 30d} or {@code 2024-12-31}. */
	public CreateApiTokenRequest withExpiry(String expiry) {
		return withExpiry(TokenExpiry.parse(expiry));
	}

}
