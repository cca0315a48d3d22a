package dev.bentocloud.emulator.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a raw query string, for the routes and for
 * {@link dev.bentocloud.emulator.RecordedRequest#queryParams()}. Not API.
 */
public final class QueryString {

	private QueryString() {
	}

	/**
	 * The decoded parameters in order; a parameter given as {@code a=} or {@code a} has
	 * value "".
	 * @param rawQuery the raw query without {@code ?}, or {@code null}
	 * @return the parameters, a new mutable map
	 */
	public static Map<String, List<String>> parse(@Nullable String rawQuery) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq >= 0) ? pair.substring(0, eq) : pair);
			String value = (eq >= 0) ? decode(pair.substring(eq + 1)) : "";
			params.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return params;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
