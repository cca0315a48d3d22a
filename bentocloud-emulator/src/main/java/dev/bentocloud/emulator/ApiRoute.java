package dev.bentocloud.emulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.bentocloud.emulator.server.RouteKind;
import dev.bentocloud.emulator.server.RouteParam;
import dev.bentocloud.emulator.server.ServedRoute;
import org.jspecify.annotations.Nullable;

/**
 * One API route of a deployed service, as {@code /schema.json} lists it and as it
 * answers. Immutable: every configuration method returns a new route.
 *
 * <pre>{@code
 * ApiRoute.text("summarize").param("text", "string").param("max_words", "integer", 50)
 *     .answer((call) -> "Summary of " + call.arguments().get("text"));
 * }</pre>
 *
 * A handler's result is answered by its type: a {@code String} as
 * {@code text/plain; charset=utf-8}, a {@code byte[]} as the raw bytes, an
 * {@link UploadedFile} as a file (its name and content type), anything else as JSON
 * (Jackson). A handler may throw {@link ServiceErrorAnswer} to answer an error; any other
 * exception answers 500 {@code {"error": <message>}}. Without an answer a JSON route
 * echoes {@code {"route": <name>, "input": <arguments>}}, a text route answers its
 * arguments' JSON as text, and stream, file and binary routes answer nothing.
 */
public final class ApiRoute {

	/** How long a task stays in progress unless {@link #taskDuration} says otherwise. */
	static final Duration DEFAULT_TASK_DURATION = Duration.ofMillis(200);

	private final RouteSettings settings;

	private ApiRoute(RouteSettings settings) {
		this.settings = settings;
	}

	/** A route answering a {@code str}: {@code text/plain; charset=utf-8}, raw text. */
	public static ApiRoute text(String name) {
		return new ApiRoute(new RouteSettings(name, RouteKind.TEXT));
	}

	/** A route answering JSON (output {@code {"type": "object"}} unless overridden). */
	public static ApiRoute json(String name) {
		return new ApiRoute(new RouteSettings(name, RouteKind.JSON));
	}

	/**
	 * A streaming route: chunked {@code text/event-stream; charset=utf-8}, each chunk
	 * written as produced, with no SSE framing. See {@link #chunks} and
	 * {@link #byteChunks}.
	 */
	public static ApiRoute stream(String name) {
		return new ApiRoute(new RouteSettings(name, RouteKind.STREAM));
	}

	/**
	 * A route answering a file: raw bytes with
	 * {@code content-disposition: attachment; filename="..."}. See {@link #fileAnswer}
	 * and {@link #generatedFile}; a plain {@link #answer}'s {@code byte[]} or
	 * {@code String} is sent as {@code application/octet-stream} named after the route,
	 * an {@link UploadedFile} with its own name and type.
	 */
	public static ApiRoute file(String name) {
		return new ApiRoute(new RouteSettings(name, RouteKind.FILE));
	}

	/** A route answering {@code bytes}: {@code application/octet-stream}. */
	public static ApiRoute binary(String name) {
		return new ApiRoute(new RouteSettings(name, RouteKind.BINARY));
	}

	/**
	 * Adds a required parameter.
	 * @param name its name
	 * @param jsonType one of string, integer, number, boolean, array, object
	 * @return the new route
	 */
	public ApiRoute param(String name, String jsonType) {
		return withParam(new RouteParam(name, RouteParam.checkType(jsonType, "jsonType"), null, true, null));
	}

	/** Adds an optional parameter with this default (which may be {@code null}). */
	public ApiRoute param(String name, String jsonType, @Nullable Object defaultValue) {
		return withParam(new RouteParam(name, RouteParam.checkType(jsonType, "jsonType"), null, false, defaultValue));
	}

	/** Adds a required array parameter whose items have this JSON type. */
	public ApiRoute arrayParam(String name, String itemType) {
		return withParam(new RouteParam(name, "array", RouteParam.checkType(itemType, "itemType"), true, null));
	}

	/** Adds a required file parameter, sent as a multipart part. */
	public ApiRoute fileParam(String name) {
		return withParam(new RouteParam(name, "file", null, true, null));
	}

	/** Adds a required parameter holding a list of files (parts of the same name). */
	public ApiRoute fileListParam(String name) {
		return withParam(new RouteParam(name, "array", "file", true, null));
	}

	/**
	 * Marks the input as a single root parameter ({@code "root_input": true}): the body
	 * is that parameter's value itself, not an object of named values.
	 */
	public ApiRoute rootInput() {
		return with((d) -> d.rootInput = true);
	}

	/**
	 * Makes it a task ({@code "is_task": true}) with the {@code /submit} ... endpoints.
	 */
	public ApiRoute task() {
		return with((d) -> d.task = true);
	}

	/** The route's documentation, listed as {@code doc}. */
	public ApiRoute doc(String doc) {
		return with((d) -> d.doc = Objects.requireNonNull(doc, "doc"));
	}

	/** The route's path under the service URL; default {@code "/" + name}. */
	public ApiRoute path(String route) {
		Objects.requireNonNull(route, "route");
		String path = route.startsWith("/") ? route : "/" + route;
		if (path.length() < 2 || path.endsWith("/")) {
			throw new IllegalArgumentException("route must be a path such as /v1/classify, was '" + route + "'");
		}
		return with((d) -> d.path = path);
	}

	/** Marks the route {@code "batchable": true}. */
	public ApiRoute batchable() {
		return with((d) -> d.batchable = true);
	}

	/** Replaces the output schema, e.g. an object with {@code properties}. */
	public ApiRoute outputSchema(Map<String, Object> schema) {
		Map<String, Object> copy = new LinkedHashMap<>(schema);
		return with((d) -> d.outputSchema = copy);
	}

	/** Answers each call with the handler's result (see the class description). */
	public ApiRoute answer(Function<ServiceCall, @Nullable Object> handler) {
		Objects.requireNonNull(handler, "handler");
		return with((d) -> d.answer = handler);
	}

	/** Answers every call with this value (see the class description for how). */
	public ApiRoute answer(@Nullable Object cannedAnswer) {
		return with((d) -> d.answer = (call) -> cannedAnswer);
	}

	/**
	 * A stream route's chunks, each sent as UTF-8; the iterator may be endless (it is
	 * dropped when the client goes away).
	 */
	public ApiRoute chunks(Function<ServiceCall, Iterator<String>> chunks) {
		Objects.requireNonNull(chunks, "chunks");
		return byteChunks((call) -> {
			Iterator<String> texts = chunks.apply(call);
			return new Utf8Chunks(texts);
		});
	}

	/**
	 * A stream route's chunks as raw bytes, each sent exactly as given (for example half
	 * of a UTF-8 character).
	 */
	public ApiRoute byteChunks(Function<ServiceCall, Iterator<byte[]>> chunks) {
		Objects.requireNonNull(chunks, "chunks");
		requireKind(RouteKind.STREAM, "chunks");
		return with((d) -> d.chunks = chunks);
	}

	/** The pause before each chunk after the first (default none). */
	public ApiRoute chunkPause(Duration pause) {
		requireNonNegative(pause, "pause");
		return with((d) -> d.chunkPause = pause);
	}

	/**
	 * A file route whose body is {@code size} generated bytes (byte {@code i} is
	 * {@code (byte) (i % 251)}), streamed in 64 KiB pieces with a Content-Length and
	 * never held in memory.
	 */
	public ApiRoute generatedFile(String filename, String contentType, long size) {
		requireKind(RouteKind.FILE, "generatedFile");
		if (size < 0) {
			throw new IllegalArgumentException("size must not be negative, was " + size);
		}
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(contentType, "contentType");
		return with((d) -> {
			d.filename = filename;
			d.fileContentType = contentType;
			d.generatedSize = size;
			d.answer = null;
		});
	}

	/** A file route answering the handler's bytes as a file of this name and type. */
	public ApiRoute fileAnswer(String filename, String contentType, Function<ServiceCall, byte[]> handler) {
		requireKind(RouteKind.FILE, "fileAnswer");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(contentType, "contentType");
		Objects.requireNonNull(handler, "handler");
		return with((d) -> {
			d.filename = filename;
			d.fileContentType = contentType;
			d.generatedSize = -1;
			d.answer = (call) -> new UploadedFile("result", filename, contentType, handler.apply(call));
		});
	}

	/**
	 * For a task: how long a submitted task stays {@code in_progress} before it completes
	 * (default 200 ms); a huge duration ({@code Duration.ofSeconds(Long.MAX_VALUE)})
	 * never completes.
	 */
	public ApiRoute taskDuration(Duration duration) {
		requireNonNegative(duration, "duration");
		return with((d) -> d.taskDuration = (call) -> duration);
	}

	/**
	 * Answers each call (not task status reads) only after this delay: a slow service.
	 */
	public ApiRoute delay(Duration delay) {
		requireNonNegative(delay, "delay");
		return with((d) -> d.delay = delay);
	}

	/** The route's name. */
	public String name() {
		return this.settings.name;
	}

	/** The route's path under the service URL, e.g. {@code /summarize}. */
	public String path() {
		return this.settings.path();
	}

	/** A task duration computed from each call (e.g. a {@code seconds} argument). */
	ApiRoute taskDuration(Function<ServiceCall, Duration> duration) {
		return with((d) -> d.taskDuration = duration);
	}

	/** Accepts any named arguments, as an echo does. */
	ApiRoute openInput() {
		return with((d) -> d.openInput = true);
	}

	/** The snapshot the server reads. */
	ServedRoute served() {
		return this.settings.served();
	}

	@Override
	public String toString() {
		return "ApiRoute[" + this.settings.name + " " + path() + " -> " + this.settings.kind + "]";
	}

	private ApiRoute withParam(RouteParam param) {
		if (this.settings.params.stream().anyMatch((p) -> p.name().equals(param.name()))) {
			throw new IllegalArgumentException("Route " + name() + " already has a parameter " + param.name());
		}
		return with((d) -> d.params.add(param));
	}

	private ApiRoute with(Consumer<RouteSettings> change) {
		RouteSettings copy = this.settings.copy();
		change.accept(copy);
		copy.params = List.copyOf(copy.params);
		return new ApiRoute(copy);
	}

	private void requireKind(RouteKind kind, String what) {
		if (this.settings.kind != kind) {
			throw new IllegalStateException(what + " is for " + kind.name().toLowerCase(Locale.ROOT) + " routes, but "
					+ name() + " is a " + this.settings.kind.name().toLowerCase(Locale.ROOT) + " route");
		}
	}

	private static void requireNonNegative(Duration duration, String what) {
		if (Objects.requireNonNull(duration, what).isNegative()) {
			throw new IllegalArgumentException(what + " must not be negative, was " + duration);
		}
	}

}
