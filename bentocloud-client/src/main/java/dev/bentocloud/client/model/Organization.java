package dev.bentocloud.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A BentoCloud organization ({@code OrganizationSchema}).
 *
 * @param uid the unique id
 * @param name the organization name
 * @param description the description
 * @param createdAt when it was created
 * @param updatedAt when it was last updated, or {@code null}
 * @param labels its labels
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(@JsonProperty(required = true) String uid, @JsonProperty(required = true) String name,
		@Nullable String description, @Nullable Instant createdAt, @Nullable Instant updatedAt, List<Label> labels) {

	public Organization {
		labels = (labels != null) ? List.copyOf(labels) : List.of();
	}

}
