package dev.bentocloud.emulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one client connection on its own thread: request after request (keep-alive)
 * until the client closes it, asks to, or a response leaves it unusable.
 */
final class HttpConnection implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(HttpConnection.class);

	private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	private final Socket socket;

	private final HttpHandler handler;

	private final Runnable onClose;

	HttpConnection(Socket socket, HttpHandler handler, Runnable onClose) {
		this.socket = socket;
		this.handler = handler;
		this.onClose = onClose;
	}

	@Override
	public void run() {
		try (Socket socket = this.socket) {
			HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(socket.getInputStream(), 8192));
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
			while (serve(reader, out)) {
				// next request on the same connection
			}
		}
		catch (IOException ex) {
			// The client went away or the server stopped: nothing to answer.
			logger.trace("Connection ended", ex);
		}
		finally {
			this.onClose.run();
		}
	}

	/** Serves one request; whether the connection can carry another. */
	private boolean serve(HttpRequestReader reader, OutputStream out) throws IOException {
		HttpRequestReader.Head head;
		byte[] body;
		try {
			head = reader.readHead();
			if (head == null) {
				return false;
			}
			if (head.expectsContinue()) {
				out.write(CONTINUE);
				out.flush();
			}
			body = reader.readBody(head);
		}
		catch (HttpRequestReader.BadRequestException ex) {
			writeError(out, ex.status(), ex.reason());
			return false;
		}
		HttpExchange exchange = new HttpExchange(head, body, this.socket, out);
		try {
			this.handler.handle(exchange);
		}
		catch (RuntimeException ex) {
			logger.warn("Handler failed on {} {}", head.method(), head.target(), ex);
			if (!exchange.committed()) {
				writeError(out, 500, "Handler failed");
			}
			return false;
		}
		if (!exchange.committed()) {
			writeError(out, 500, "No response");
			return false;
		}
		return exchange.reusable() && !Thread.currentThread().isInterrupted();
	}

	static void writeError(OutputStream out, int status, String message) throws IOException {
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status)
			.append(' ')
			.append(HttpStatus.reason(status))
			.append("\r\n");
		Map.of("content-type", "text/plain; charset=utf-8", "content-length", String.valueOf(body.length), "connection",
				"close")
			.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

}
