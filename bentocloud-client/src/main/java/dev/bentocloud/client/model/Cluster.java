package dev.bentocloud.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

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
public record Cluster(String uid, @JsonProperty(required = true) String name, String description,
		String organizationName, @JsonProperty("is_first") Boolean first) {
}
