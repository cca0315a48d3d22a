package dev.bentocloud.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) into its parts, byte-exact: part
 * contents are never decoded.
 */
final class MultipartForm {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] HEADERS_END = { '\r', '\n', '\r', '\n' };

	private MultipartForm() {
	}

	/**
	 * One part.
	 *
	 * @param name the {@code name} of its Content-Disposition
	 * @param filename its {@code filename}, if it has one (then it is a file)
	 * @param contentType its Content-Type, if it has one
	 * @param content its bytes
	 */
	record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {
	}

	/** The boundary of a {@code multipart/form-data} content type, or {@code null}. */
	static @Nullable String boundary(String contentType) {
		for (String parameter : contentType.split(";")) {
			String trimmed = parameter.trim();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String value = trimmed.substring("boundary=".length());
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	/**
	 * The parts of the body.
	 * @throws IllegalArgumentException if the body is not multipart with this boundary
	 */
	static List<Part> parse(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		int position = indexOf(body, delimiter, 0);
		if (position < 0) {
			throw new IllegalArgumentException("the body has no part delimited by --" + boundary);
		}
		byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		List<Part> parts = new ArrayList<>();
		position += delimiter.length;
		while (true) {
			if (startsWith(body, position, new byte[] { '-', '-' })) {
				return parts;
			}
			int lineEnd = indexOf(body, CRLF, position);
			if (lineEnd < 0) {
				throw new IllegalArgumentException("the body ends without the closing delimiter");
			}
			int headersEnd = startsWith(body, lineEnd, HEADERS_END) ? lineEnd : indexOf(body, HEADERS_END, lineEnd);
			if (headersEnd < 0) {
				throw new IllegalArgumentException("a part's headers do not end");
			}
			String headers = new String(body, lineEnd + 2, Math.max(0, headersEnd - lineEnd - 2),
					StandardCharsets.UTF_8);
			int contentStart = headersEnd + HEADERS_END.length;
			int contentEnd = indexOf(body, nextDelimiter, contentStart);
			if (contentEnd < 0) {
				throw new IllegalArgumentException("a part does not end with --" + boundary);
			}
			parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
			position = contentEnd + nextDelimiter.length;
		}
	}

	private static Part part(String headers, byte[] content) {
		String name = null;
		String filename = null;
		String contentType = null;
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			if (header.equals("content-type")) {
				contentType = value;
			}
			else if (header.equals("content-disposition")) {
				name = dispositionParameter(value, "name");
				filename = dispositionParameter(value, "filename");
			}
		}
		if (name == null) {
			throw new IllegalArgumentException("a part has no Content-Disposition name");
		}
		return new Part(name, filename, contentType, content);
	}

	/** A parameter of a Content-Disposition value, quoted or not. */
	private static @Nullable String dispositionParameter(String disposition, String parameter) {
		int i = 0;
		while (i < disposition.length()) {
			int semicolon = disposition.indexOf(';', i);
			if (semicolon < 0) {
				return null;
			}
			int start = semicolon + 1;
			while (start < disposition.length() && disposition.charAt(start) == ' ') {
				start++;
			}
			int eq = disposition.indexOf('=', start);
			if (eq < 0) {
				return null;
			}
			String key = disposition.substring(start, eq).trim().toLowerCase(Locale.ROOT);
			int valueStart = eq + 1;
			String value;
			int next;
			if (valueStart < disposition.length() && disposition.charAt(valueStart) == '"') {
				StringBuilder quoted = new StringBuilder();
				int j = valueStart + 1;
				while (j < disposition.length() && disposition.charAt(j) != '"') {
					char c = disposition.charAt(j);
					if (c == '\\' && j + 1 < disposition.length()) {
						c = disposition.charAt(++j);
					}
					quoted.append(c);
					j++;
				}
				value = quoted.toString();
				next = j + 1;
			}
			else {
				int end = disposition.indexOf(';', valueStart);
				next = (end < 0) ? disposition.length() : end;
				value = disposition.substring(valueStart, next).trim();
			}
			if (key.equals(parameter)) {
				return value;
			}
			i = next;
		}
		return null;
	}

	private static boolean startsWith(byte[] data, int from, byte[] prefix) {
		if (from < 0 || from + prefix.length > data.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[from + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
			if (startsWith(data, i, pattern)) {
				return i;
			}
		}
		return -1;
	}

}
