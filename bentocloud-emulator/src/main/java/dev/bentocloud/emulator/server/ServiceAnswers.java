package dev.bentocloud.emulator.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.bentocloud.emulator.UploadedFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a route's handler and writes its result as BentoML would: text, JSON, a file, raw
 * bytes, or a chunked stream. Handlers run on the caller's thread, which may block.
 */
final class ServiceAnswers {

	private static final Logger logger = LoggerFactory.getLogger(ServiceAnswers.class);

	/** The size of a generated file's pieces. */
	static final int PIECE = 64 * 1024;

	/**
	 * Byte {@code i} of every generated file is {@code (byte) (i % 251)}: a piece
	 * starting at offset {@code o} is this array from {@code o % 251}, shared and never
	 * written.
	 */
	private static final byte[] PATTERN = new byte[PIECE + 251];

	static {
		for (int i = 0; i < PATTERN.length; i++) {
			PATTERN[i] = (byte) (i % 251);
		}
	}

	static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

	static final String OCTET_STREAM = "application/octet-stream";

	private final JsonMapper mapper;

	ServiceAnswers(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** The handler's answer to the call, or the error it threw as an answer. */
	Answer answer(ServedRoute route, CallInput call) {
		try {
			return render(route, call, invoke(route, call));
		}
		catch (ErrorAnswer ex) {
			return ex.reply();
		}
		catch (RuntimeException ex) {
			logger.debug("Handler of route {} failed", route.name(), ex);
			return error(500, message(ex));
		}
	}

	/**
	 * Runs the handler (or the default answer); stream and generated-file routes produce
	 * their body only when {@link #render rendered}.
	 * @throws RuntimeException whatever the handler threw
	 */
	@Nullable Object invoke(ServedRoute route, CallInput call) {
		Function<CallInput, @Nullable Object> handler = route.answer();
		if (handler != null) {
			return handler.apply(call);
		}
		return switch (route.kind()) {
			case JSON -> Map.of("route", route.name(), "input", call.arguments());
			case TEXT -> this.mapper.writeValueAsString(call.arguments());
			default -> null;
		};
	}

	/** The answer for a handler's result. */
	Answer render(ServedRoute route, CallInput call, @Nullable Object result) {
		if (route.kind() == RouteKind.STREAM) {
			Function<CallInput, Iterator<byte[]>> chunks = route.chunks();
			Iterator<byte[]> source = (chunks != null) ? chunks.apply(call) : chunksOf(result);
			return new StreamedReply(200, EVENT_STREAM, Map.of(), -1, paced(source, route.chunkPause()));
		}
		if (route.kind() == RouteKind.FILE && route.generatedSize() >= 0) {
			String filename = (route.filename() != null) ? route.filename() : route.name();
			return new StreamedReply(200, route.fileContentType(), Map.of("content-disposition", disposition(filename)),
					route.generatedSize(), generated(route.generatedSize()));
		}
		if (route.kind() == RouteKind.FILE) {
			UploadedFile file = (result instanceof UploadedFile uploaded) ? uploaded
					: new UploadedFile("result", (route.filename() != null) ? route.filename() : route.name(),
							route.fileContentType(), bytes(result));
			String filename = (file.filename() != null) ? file.filename() : route.name();
			String type = (file.contentType() != null) ? file.contentType() : route.fileContentType();
			return new Reply(200, type, file.content(), Map.of("content-disposition", disposition(filename)));
		}
		if (result instanceof byte[] bytes) {
			return new Reply(200, OCTET_STREAM, bytes, Map.of());
		}
		if (result instanceof String text) {
			return Reply.text(200, text);
		}
		if (result == null && route.kind() != RouteKind.JSON) {
			return (route.kind() == RouteKind.TEXT) ? Reply.text(200, "")
					: new Reply(200, OCTET_STREAM, new byte[0], Map.of());
		}
		return Reply.json(200, this.mapper.writeValueAsBytes(result));
	}

	/** {@code {"error": message}} with this status. */
	Reply error(int status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", message);
		return Reply.json(status, this.mapper.writeValueAsBytes(body));
	}

	static String message(RuntimeException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * The chunks, each written (and flushed) as it is produced, with the pause before
	 * each one after the first. A chunk is pulled only after the previous one went out
	 * (and the pause); a client that left fails the next write, which pulls no more.
	 * Either way an {@link AutoCloseable} iterator is closed.
	 */
	static StreamedReply.Body paced(Iterator<byte[]> chunks, Duration pause) {
		return (out) -> {
			try {
				for (boolean first = true;; first = false) {
					if (!first) {
						Pause.sleep(pause);
					}
					if (!chunks.hasNext()) {
						return;
					}
					byte[] chunk = chunks.next();
					if (chunk.length > 0) {
						out.write(chunk);
					}
				}
			}
			finally {
				close(chunks);
			}
		};
	}

	/** {@code size} bytes of {@link #PATTERN}, 64 KiB at a time, allocating no copy. */
	static StreamedReply.Body generated(long size) {
		return (out) -> {
			for (long offset = 0; offset < size;) {
				int length = (int) Math.min(PIECE, size - offset);
				out.write(PATTERN, (int) (offset % 251), length);
				offset += length;
			}
		};
	}

	/**
	 * Starlette's Content-Disposition: the name quoted, or RFC 5987 encoded when it needs
	 * escaping.
	 */
	static String disposition(String filename) {
		if (filename.matches("[A-Za-z0-9_.~/-]+")) {
			return "attachment; filename=\"" + filename + "\"";
		}
		return "attachment; filename*=utf-8''"
				+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
	}

	private Iterator<byte[]> chunksOf(@Nullable Object result) {
		List<byte[]> chunks = new ArrayList<>();
		if (result instanceof Iterable<?> items) {
			items.forEach((item) -> chunks.add(bytes(item)));
		}
		else if (result != null) {
			chunks.add(bytes(result));
		}
		return chunks.iterator();
	}

	private byte[] bytes(@Nullable Object value) {
		if (value == null) {
			return new byte[0];
		}
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return this.mapper.writeValueAsBytes(value);
	}

	private static void close(Iterator<byte[]> chunks) {
		if (chunks instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.debug("Closing a stream's chunks failed", ex);
			}
		}
	}

}
