package dev.bentocloud.emulator.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.emulator.http.HttpExchange;
import dev.bentocloud.emulator.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes answers to the wire: normally, dripping, or cut off. */
final class ReplyWriter {

	private static final Logger logger = LoggerFactory.getLogger(ReplyWriter.class);

	/** How much of a streamed answer a fault that needs the whole body reads. */
	static final int MAX_COLLECTED = 1024 * 1024;

	private ReplyWriter() {
	}

	static void send(HttpExchange exchange, Answer answer) throws IOException {
		if (answer instanceof StreamedReply streamed) {
			OutputStream body = exchange.sendStreamed(streamed.status(), head(streamed), streamed.contentLength());
			try {
				streamed.body().writeTo(body);
			}
			catch (RuntimeException ex) {
				// The head is out: a client can only see the body break off.
				logger.warn("A streamed answer failed midway", ex);
				exchange.abort(false);
				return;
			}
			body.close();
			return;
		}
		Reply reply = (Reply) answer;
		exchange.send(reply.status(), head(reply), reply.body());
	}

	/**
	 * The answer as a complete reply; a streamed body is read up to
	 * {@link #MAX_COLLECTED} bytes (an endless stream is cut there).
	 */
	static Reply complete(Answer answer) {
		if (answer instanceof Reply reply) {
			return reply;
		}
		StreamedReply streamed = (StreamedReply) answer;
		Collector collected = new Collector();
		try {
			streamed.body().writeTo(collected);
		}
		catch (IOException ex) {
			// Enough read: the stream was stopped at the limit.
		}
		return new Reply(streamed.status(), streamed.contentType(), collected.bytes.toByteArray(), streamed.headers());
	}

	/**
	 * The answer's head with its full Content-Length, then the body one byte per
	 * interval.
	 */
	static void sendDripping(HttpExchange exchange, Reply reply, Duration interval) throws IOException {
		OutputStream out = exchange.sendStreamed(reply.status(), head(reply), reply.body().length);
		for (byte b : reply.body()) {
			Pause.sleep(interval);
			out.write(b);
		}
		out.close();
	}

	/**
	 * Writes the status line, headers and half of the body straight to the socket and
	 * then closes the connection, so a client sees a premature end of a body whose
	 * Content-Length promised more. With {@code reset} the close is a TCP reset
	 * (SO_LINGER 0) instead of an orderly FIN.
	 */
	static void sendTruncated(HttpExchange exchange, Reply full, Map<String, String> extraHeaders, boolean reset)
			throws IOException {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(full.status())
			.append(' ')
			.append(HttpStatus.reason(full.status()))
			.append("\r\n");
		full.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Type: ").append(full.contentType()).append("\r\n");
		head.append("Content-Length: ").append(full.body().length + 1).append("\r\n\r\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		bytes.write(full.body(), 0, full.body().length / 2);
		exchange.writeRaw(bytes.toByteArray());
		exchange.abort(reset);
	}

	private static Map<String, String> head(Answer answer) {
		Map<String, String> headers = new LinkedHashMap<>(answer.headers());
		headers.put("content-type", answer.contentType());
		return headers;
	}

	/** Collects a streamed body and stops it (failing its write) once it has enough. */
	private static final class Collector extends OutputStream {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.bytes.write(bytes, offset, Math.min(length, MAX_COLLECTED - this.bytes.size()));
			if (this.bytes.size() >= MAX_COLLECTED) {
				throw new IOException("Collected enough");
			}
		}

	}

}
