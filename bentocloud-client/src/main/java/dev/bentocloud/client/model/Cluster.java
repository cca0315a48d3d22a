package dev.bentocloud.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The cluster (region) a deployment runs in.
 *
 * @param uid the unique id
 * @param name the cluster name, used as the {@code cluster} query parameter
 * @param description the description
 * @param organizationName the organization owning it
 * @param first whether it is the organization's first (default) cluster; {@code null} if
 * unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cluster(@Nullable String uid, @JsonProperty(required = true) String name, @Nullable String description,
		@Nullable String organizationName, @JsonProperty("is_first") @Nullable Boolean first) {
}
