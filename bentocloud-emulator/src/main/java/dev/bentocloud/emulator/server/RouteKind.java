package dev.bentocloud.emulator.server;

import java.util.Map;

/** What a route answers, with its output schema as BentoML 1.4 writes it. Not API. */
public enum RouteKind {

	/** A {@code str}: {@code text/plain; charset=utf-8}, raw text. */
	TEXT(Map.of("type", "string")),

	/** A dict, list or number: {@code application/json}. */
	JSON(Map.of("type", "object")),

	/** An async generator: chunked {@code text/event-stream}, no SSE framing. */
	STREAM(Map.of("type", "string", "is_stream", true, "media_type", "text/event-stream")),

	/** A {@code pathlib.Path}: raw bytes with {@code content-disposition}. */
	FILE(Map.of("type", "file")),

	/** {@code bytes}: {@code application/octet-stream}. */
	BINARY(Map.of("type", "string", "format", "binary"));

	private final Map<String, Object> outputSchema;

	RouteKind(Map<String, Object> outputSchema) {
		this.outputSchema = outputSchema;
	}

	public Map<String, Object> outputSchema() {
		return this.outputSchema;
	}

}
