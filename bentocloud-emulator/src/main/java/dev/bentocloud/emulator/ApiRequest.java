package dev.bentocloud.emulator;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A request as the route handlers see it. Query values that are empty count as absent.
 */
record ApiRequest(String method, String path, Map<String, List<String>> query, HttpHeaders headers, String body) {

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

	@Nullable String header(String name) {
		return this.headers.get(name);
	}

}
