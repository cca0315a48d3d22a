package dev.bentocloud.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bentocloud.emulator.server.QueryString;
import org.jspecify.annotations.Nullable;

/**
 * One request as the emulator received it.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the raw path, without the query string
 * @param rawQuery the raw query string without {@code ?}, or {@code null} if the URI had
 * none
 * @param headers all headers, names in lower case, values in received order
 * @param body the request body as UTF-8 text, empty if there was none; bytes that are not
 * UTF-8 (a binary multipart upload) appear as U+FFFD
 */
public record RecordedRequest(String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers,
		String body) {

	public RecordedRequest {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * The first value of the header (name matched case-insensitively), or {@code null}.
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * The decoded query parameters in order; a parameter given as {@code a=} or {@code a}
	 * has value "".
	 */
	public Map<String, List<String>> queryParams() {
		return QueryString.parse(this.rawQuery);
	}

	@Override
	public String toString() {
		// Headers are left out on purpose: they carry credentials.
		return "RecordedRequest[" + this.method + " " + this.path + ((this.rawQuery != null) ? "?" + this.rawQuery : "")
				+ "]";
	}

}
