package dev.bentocloud.client.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An organization secret ({@code SecretSchema}): environment variables or files that
 * deployments can use. {@link #toString()} shows keys, never values.
 *
 * @param uid the unique id
 * @param name the secret name, unique in the organization
 * @param description the description
 * @param createdAt when it was created
 * @param updatedAt when it was last updated, or {@code null}
 * @param creator who created it
 * @param content its type, items, mount path and stage
 * @param cluster the cluster it lives in
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Secret(String uid, @JsonProperty(required = true) String name, String description, Instant createdAt,
		Instant updatedAt, User creator, SecretContent content, Cluster cluster) {

	/**
	 * The name of the cluster the secret lives in.
	 * @return the cluster name, or {@code null} if the server did not say
	 */
	public @Nullable String clusterName() {
		return (this.cluster != null) ? this.cluster.name() : null;
	}

}
