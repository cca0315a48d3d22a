package dev.bentocloud.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, to see what the JDK client hides: chunk boundaries,
 * {@code Transfer-Encoding}, and a client that simply goes away.
 */
final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	final int status;

	final Map<String, String> headers = new LinkedHashMap<>();

	RawHttp(int port, String method, String path, String contentType, byte[] body) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(10_000);
		String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + body.length + "\r\n\r\n";
		this.socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
		this.socket.getOutputStream().write(body);
		this.socket.getOutputStream().flush();
		this.in = this.socket.getInputStream();
		String statusLine = line();
		this.status = Integer.parseInt(statusLine.split(" ")[1]);
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			this.headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
					header.substring(colon + 1).trim());
		}
	}

	/** The next chunk of a chunked body, or {@code null} after the last one. */
	byte[] nextChunk() throws IOException {
		int size = Integer.parseInt(line().split(";")[0].trim(), 16);
		if (size == 0) {
			line();
			return null;
		}
		byte[] chunk = this.in.readNBytes(size);
		line();
		return chunk;
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
