package dev.bentocloud.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete answer: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) implements Answer {

	static final String JSON = "application/json";

	static final String TEXT = "text/plain; charset=utf-8";

	static Reply json(int status, byte[] body) {
		return new Reply(status, JSON, body, Map.of());
	}

	static Reply message(int status, String message) {
		return json(status, JsonViews.message(message));
	}

	static Reply text(int status, String text) {
		return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	@Override
	public Reply withHeaders(Map<String, String> extra) {
		Map<String, String> merged = new LinkedHashMap<>(this.headers);
		merged.putAll(extra);
		return new Reply(this.status, this.contentType, this.body, merged);
	}

}
