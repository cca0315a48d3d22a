package dev.bentocloud.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request as the route handlers see it. Query values that are empty count as absent.
 * Header names are in lower case. The body is kept as bytes (multipart uploads are
 * binary); {@link #body()} is its UTF-8 view for the JSON routes.
 */
record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
		byte[] content) {

	/** The body as UTF-8 text (invalid sequences replaced), empty if there was none. */
	String body() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

	/**
	 * The first value of the query parameter, or {@code null} if it is missing or empty.
	 */
	@Nullable String param(String name) {
		List<String> values = this.query.get(name);
		if (values == null) {
			return null;
		}
		for (String value : values) {
			if (!value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * The first value of the header (name matched case-insensitively), or {@code null}.
	 */
	@Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
