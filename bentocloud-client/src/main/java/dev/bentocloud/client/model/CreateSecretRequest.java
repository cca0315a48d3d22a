package dev.bentocloud.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A secret to create ({@code CreateSecretSchema}; the cluster goes in the query string).
 *
 * @param name the secret name
 * @param content what it holds
 * @param description the description, or {@code null}
 * @param cluster the cluster to create it in, or {@code null} for the organization's
 * default
 * @since 0.1.0
 */
public record CreateSecretRequest(String name, SecretContent content, @Nullable String description,
		@Nullable String cluster) {

	public CreateSecretRequest {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(content, "content must not be null");
	}

	/**
	 * A secret in the default cluster, without description.
	 * @param name the secret name
	 * @param content what it holds
	 * @return the request
	 */
	public static CreateSecretRequest of(String name, SecretContent content) {
		return new CreateSecretRequest(name, content, null, null);
	}

	public CreateSecretRequest withDescription(String description) {
		return new CreateSecretRequest(this.name, this.content, description, this.cluster);
	}

	public CreateSecretRequest withCluster(String cluster) {
		return new CreateSecretRequest(this.name, this.content, this.description, cluster);
	}

	@Override
	public String toString() {
		return "CreateSecretRequest[name=" + this.name + ", content=" + this.content + ", cluster=" + this.cluster
				+ "]";
	}

}
