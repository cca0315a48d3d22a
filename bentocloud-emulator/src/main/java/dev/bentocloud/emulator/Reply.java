package dev.bentocloud.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete answer: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

	static final String JSON = "application/json";

	static Reply json(int status, byte[] body) {
		return new Reply(status, JSON, body, Map.of());
	}

	static Reply message(int status, String message) {
		return json(status, JsonViews.message(message));
	}

	static Reply text(int status, String text) {
		return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
	}

}
