package dev.bentocloud.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A BentoCloud API token ({@code ApiTokenSchema}). The secret {@link #token()} is only
 * present in the response to a create call, and {@link #toString()} never shows it.
 *
 * @param uid the unique id
 * @param name the token name
 * @param description the description
 * @param scopes the scopes granted
 * @param user the owner
 * @param organization the organization
 * @param createdAt when it was created
 * @param updatedAt when it was last updated, or {@code null}
 * @param expiredAt when it expires, or {@code null} for never
 * @param lastUsedAt when it was last used, or {@code null}
 * @param expired whether the server considers it expired
 * @param apiToken whether it is an API token (server flag)
 * @param organizationToken whether it is an organization (not personal) token
 * @param globalAccess whether it has global access
 * @param token the secret value; only returned by create
 * @param labels its labels
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiToken(@JsonProperty(required = true) String uid, @JsonProperty(required = true) String name,
		@Nullable String description, List<ApiTokenScope> scopes, @Nullable User user,
		@Nullable Organization organization, @Nullable Instant createdAt, @Nullable Instant updatedAt,
		@Nullable Instant expiredAt, @Nullable Instant lastUsedAt, @JsonProperty("is_expired") boolean expired,
		@JsonProperty("is_api_token") Boolean apiToken,
		@JsonProperty("is_organization_token") boolean organizationToken,
		@JsonProperty("is_global_access") boolean globalAccess, @Nullable String token, List<Label> labels) {

	public ApiToken {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		labels = (labels != null) ? List.copyOf(labels) : List.of();
		apiToken = (apiToken != null) ? apiToken : Boolean.TRUE;
	}

	/** The name of the user who created the token, as BentoML's {@code created_by}. */
	public @Nullable String createdBy() {
		return (this.user != null) ? this.user.name() : null;
	}

	@Override
	public String toString() {
		return "ApiToken[uid=" + this.uid + ", name=" + this.name + ", description=" + this.description + ", scopes="
				+ this.scopes + ", user=" + createdBy() + ", createdAt=" + this.createdAt + ", expiredAt="
				+ this.expiredAt + ", lastUsedAt=" + this.lastUsedAt + ", expired=" + this.expired
				+ ", organizationToken=" + this.organizationToken + ", globalAccess=" + this.globalAccess + ", token="
				+ ((this.token != null) ? "******" : "<none>") + "]";
	}

}
