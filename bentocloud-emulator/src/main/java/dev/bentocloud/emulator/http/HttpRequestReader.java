package dev.bentocloud.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 requests from a connection: the request line, the headers (names in
 * lower case) and the whole body, sized by {@code Content-Length} or chunked.
 */
final class HttpRequestReader {

	private static final int MAX_LINE = 64 * 1024;

	private static final int MAX_HEADERS = 256;

	/** Larger bodies are refused: the emulator keeps each body in memory. */
	static final long MAX_BODY = 512L * 1024 * 1024;

	private final InputStream in;

	HttpRequestReader(InputStream in) {
		this.in = in;
	}

	/** A request's head, before its body is read. */
	record Head(String method, String target, String version, Map<String, List<String>> headers) {

		@Nullable String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null) ? values.get(0) : null;
		}

		boolean http10() {
			return "HTTP/1.0".equals(this.version);
		}

		/** Whether the client keeps the connection for another request. */
		boolean keepAlive() {
			String connection = header("connection");
			String token = (connection != null) ? connection.toLowerCase(Locale.ROOT) : "";
			return http10() ? token.contains("keep-alive") : !token.contains("close");
		}

		boolean expectsContinue() {
			String expect = header("expect");
			return expect != null && expect.equalsIgnoreCase("100-continue");
		}

	}

	/**
	 * The next request's head, or {@code null} when the client closed the connection
	 * before sending one.
	 * @throws BadRequestException if the head is not HTTP/1.x
	 */
	@Nullable Head readHead() throws IOException {
		String requestLine = readLineOrEnd();
		while (requestLine != null && requestLine.isEmpty()) {
			// RFC 9112 2.2: ignore empty lines before a request line.
			requestLine = readLineOrEnd();
		}
		if (requestLine == null) {
			return null;
		}
		String[] parts = requestLine.split(" ");
		if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
			throw new BadRequestException(400, "Malformed request line");
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		int count = 0;
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			if (colon <= 0 || ++count > MAX_HEADERS) {
				throw new BadRequestException((colon <= 0) ? 400 : 431, "Malformed or too many headers");
			}
			headers
				.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>(1))
				.add(line.substring(colon + 1).trim());
		}
		headers.replaceAll((name, values) -> List.copyOf(values));
		return new Head(parts[0], parts[1], parts[2], headers);
	}

	/** The whole body the head announces, empty if none. */
	byte[] readBody(Head head) throws IOException {
		String transferEncoding = head.header("transfer-encoding");
		if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			return readChunked();
		}
		String contentLength = head.header("content-length");
		if (contentLength == null) {
			return new byte[0];
		}
		long length;
		try {
			length = Long.parseLong(contentLength);
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(400, "Invalid Content-Length");
		}
		if (length < 0 || length > MAX_BODY) {
			throw new BadRequestException((length < 0) ? 400 : 413, "Invalid or too large Content-Length");
		}
		return readExactly((int) length);
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine();
			int semicolon = sizeLine.indexOf(';');
			long size;
			try {
				size = Long.parseLong(((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException(400, "Invalid chunk size");
			}
			if (size < 0 || size > MAX_BODY - body.size()) {
				throw new BadRequestException(413, "Body too large");
			}
			if (size == 0) {
				// Trailer fields, ignored, up to the empty line.
				String trailer = readLine();
				while (!trailer.isEmpty()) {
					trailer = readLine();
				}
				return body.toByteArray();
			}
			body.writeBytes(readExactly((int) size));
			readLine();
		}
	}

	private byte[] readExactly(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length < length) {
			throw new IOException("Connection closed in the middle of a request body");
		}
		return bytes;
	}

	/** A line that must be there. */
	private String readLine() throws IOException {
		String line = readLineOrEnd();
		if (line == null) {
			throw new IOException("Connection closed in the middle of a request");
		}
		return line;
	}

	/**
	 * A line without its CRLF (or bare LF), as ISO-8859-1, or {@code null} when the
	 * stream ends before any byte of it.
	 */
	private @Nullable String readLineOrEnd() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				if (line.size() == 0) {
					return null;
				}
				throw new IOException("Connection closed in the middle of a request");
			}
			if (line.size() >= MAX_LINE) {
				throw new BadRequestException(431, "Request line or header too long");
			}
			line.write(b);
		}
		byte[] bytes = line.toByteArray();
		int length = bytes.length;
		return new String(bytes, 0, (length > 0 && bytes[length - 1] == '\r') ? length - 1 : length,
				StandardCharsets.ISO_8859_1);
	}

	/**
	 * A request that cannot be read; answered with its status, then the connection
	 * closes.
	 */
	static final class BadRequestException extends IOException {

		private final int status;

		private final String reason;

		BadRequestException(int status, String reason) {
			super(reason);
			this.status = status;
			this.reason = reason;
		}

		int status() {
			return this.status;
		}

		String reason() {
			return this.reason;
		}

	}

}
