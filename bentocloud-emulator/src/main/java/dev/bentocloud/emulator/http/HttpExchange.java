package dev.bentocloud.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request, read whole, and its response, written once: complete ({@link #send}),
 * piece by piece ({@link #sendStreamed}), or below HTTP ({@link #writeRaw},
 * {@link #abort}). Used by one thread, the connection's.
 */
public final class HttpExchange {

	private final HttpRequestReader.Head head;

	private final byte[] body;

	private final Socket socket;

	private final OutputStream out;

	private boolean committed;

	private boolean complete;

	private boolean closeAfter;

	HttpExchange(HttpRequestReader.Head head, byte[] body, Socket socket, OutputStream out) {
		this.head = head;
		this.body = body;
		this.socket = socket;
		this.out = out;
		this.closeAfter = !head.keepAlive();
	}

	/** The method, e.g. {@code GET}. */
	public String method() {
		return this.head.method();
	}

	/** The request target as sent: the raw path and query, e.g. {@code /a/b?c=d}. */
	public String target() {
		return this.head.target();
	}

	/** All headers, names in lower case, values in received order. */
	public Map<String, List<String>> headers() {
		return this.head.headers();
	}

	/** The first value of a header (name in lower case), or {@code null}. */
	public @Nullable String header(String lowerCaseName) {
		return this.head.header(lowerCaseName);
	}

	/** The whole body, empty if there was none. */
	public byte[] body() {
		return this.body;
	}

	/** Sends a complete response with its {@code content-length}. */
	public void send(int status, Map<String, String> headers, byte[] body) throws IOException {
		writeHead(status, headers, "content-length", String.valueOf(body.length));
		if (!isHead()) {
			this.out.write(body);
		}
		this.out.flush();
		this.complete = true;
	}

	/**
	 * Sends the head and returns the body's stream, each write flushed at once (one chunk
	 * when chunked); closing it ends the response. The response is chunked when
	 * {@code contentLength} is negative, else exactly that long: a stream closed short of
	 * it closes the connection.
	 */
	public OutputStream sendStreamed(int status, Map<String, String> headers, long contentLength) throws IOException {
		if (contentLength >= 0) {
			writeHead(status, headers, "content-length", String.valueOf(contentLength));
			return isHead() ? completingNothing() : new StreamedBody.FixedLength(this.out, contentLength, this::ended);
		}
		if (this.head.http10()) {
			// No chunked coding in HTTP/1.0: the body ends where the connection does.
			this.closeAfter = true;
			writeHead(status, headers, null, null);
			return isHead() ? completingNothing() : new StreamedBody.UntilClose(this.out, this::ended);
		}
		writeHead(status, headers, "transfer-encoding", "chunked");
		return isHead() ? completingNothing() : new StreamedBody.Chunked(this.out, this::ended);
	}

	/**
	 * Writes these bytes to the connection as they are, below HTTP (e.g. a head and part
	 * of a body), and flushes; the connection closes after this exchange.
	 */
	public void writeRaw(byte[] bytes) throws IOException {
		commit();
		this.closeAfter = true;
		this.out.write(bytes);
		this.out.flush();
	}

	/**
	 * Closes the connection now: with {@code reset} as a TCP reset (SO_LINGER 0), else
	 * with an orderly FIN.
	 */
	public void abort(boolean reset) throws IOException {
		this.committed = true;
		this.closeAfter = true;
		if (reset) {
			this.socket.setSoLinger(true, 0);
		}
		this.socket.close();
	}

	boolean committed() {
		return this.committed;
	}

	/** Whether the connection can carry the next request. */
	boolean reusable() {
		return this.complete && !this.closeAfter;
	}

	private void ended(boolean whole) {
		this.complete = whole;
		if (!whole) {
			this.closeAfter = true;
		}
	}

	private OutputStream completingNothing() throws IOException {
		this.out.flush();
		this.complete = true;
		return OutputStream.nullOutputStream();
	}

	private boolean isHead() {
		return "HEAD".equals(this.head.method());
	}

	private void writeHead(int status, Map<String, String> headers, @Nullable String framingName,
			@Nullable String framingValue) throws IOException {
		commit();
		StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ")
			.append(status)
			.append(' ')
			.append(HttpStatus.reason(status))
			.append("\r\n");
		headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
		if (framingName != null) {
			text.append(framingName).append(": ").append(framingValue).append("\r\n");
		}
		if (this.closeAfter) {
			text.append("connection: close\r\n");
		}
		else if (this.head.http10()) {
			text.append("connection: keep-alive\r\n");
		}
		this.out.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	private void commit() {
		if (this.committed) {
			throw new IllegalStateException("The response was already sent");
		}
		this.committed = true;
	}

}
