package dev.bentocloud.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * New content for an existing secret ({@code UpdateSecretSchema}, sent with PATCH, as
 * {@code bentoml secret apply} does). The content is replaced, not merged.
 *
 * @param name the secret to change
 * @param content the new content
 * @param description the new description, or {@code null}
 * @param cluster the secret's cluster, or {@code null} for the organization's default
 * @since 0.1.0
 */
public record UpdateSecretRequest(String name, SecretContent content, @Nullable String description,
		@Nullable String cluster) {

	public UpdateSecretRequest {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(content, "content must not be null");
	}

	/**
	 * New content for a secret of the default cluster, without description.
	 * @param name the secret name
	 * @param content the new content
	 * @return the request
	 */
	public static UpdateSecretRequest of(String name, SecretContent content) {
		return new UpdateSecretRequest(name, content, null, null);
	}

	public UpdateSecretRequest withDescription(String description) {
		return new UpdateSecretRequest(this.name, this.content, description, this.cluster);
	}

	public UpdateSecretRequest withCluster(String cluster) {
		return new UpdateSecretRequest(this.name, this.content, this.description, cluster);
	}

}
