package dev.bentocloud.client.model;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A scope of an API token. The five documented scopes are constants; any other string the
 * server returns or a user passes is kept as is, because BentoCloud may add scopes.
 *
 * @param value the scope as sent on the wire
 * @since 0.1.0
 */
public record ApiTokenScope(String value) {

	public static final ApiTokenScope API = new ApiTokenScope("api");

	public static final ApiTokenScope READ_ORGANIZATION = new ApiTokenScope("read_organization");

	public static final ApiTokenScope WRITE_ORGANIZATION = new ApiTokenScope("write_organization");

	public static final ApiTokenScope READ_CLUSTER = new ApiTokenScope("read_cluster");

	public static final ApiTokenScope WRITE_CLUSTER = new ApiTokenScope("write_cluster");

	/** The scopes BentoML documents. */
	public static final List<ApiTokenScope> DOCUMENTED = List.of(API, READ_ORGANIZATION, WRITE_ORGANIZATION,
			READ_CLUSTER, WRITE_CLUSTER);

	public ApiTokenScope {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("API token scope must not be empty. Documented scopes: "
					+ String.join(", ", DOCUMENTED.stream().map(ApiTokenScope::value).toList()));
		}
	}

	/**
	 * The scope with this value; documented scopes match case-insensitively, others pass
	 * through.
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ApiTokenScope of(@Nullable String value) {
		if (value == null) {
			return new ApiTokenScope("");
		}
		String trimmed = value.strip();
		for (ApiTokenScope documented : DOCUMENTED) {
			if (documented.value.equals(trimmed.toLowerCase(Locale.ROOT))) {
				return documented;
			}
		}
		return new ApiTokenScope(trimmed);
	}

	/** Whether this is one of the five documented scopes. */
	public boolean isDocumented() {
		return DOCUMENTED.contains(this);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
