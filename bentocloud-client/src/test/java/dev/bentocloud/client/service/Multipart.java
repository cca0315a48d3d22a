package dev.bentocloud.client.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of {@code multipart/form-data} bodies as RFC 7578 writes them, so that
 * tests see exactly what went on the wire.
 */
final class Multipart {

	private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

	private Multipart() {
	}

	static List<Part> parse(byte[] body, String contentType) {
		String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		List<Part> parts = new ArrayList<>();
		int position = indexOf(body, delimiter, 0);
		while (position >= 0) {
			int start = position + delimiter.length;
			if (body[start] == '-' && body[start + 1] == '-') {
				break;
			}
			start += 2; // CRLF
			int next = indexOf(body, delimiter, start);
			// the CRLF before the delimiter is not part of the part
			byte[] part = Arrays.copyOfRange(body, start, next - 2);
			parts.add(part(part));
			position = next;
		}
		return parts;
	}

	private static Part part(byte[] bytes) {
		int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		String head = new String(bytes, 0, end, StandardCharsets.UTF_8);
		String name = null;
		String filename = null;
		String contentType = null;
		for (String line : head.split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-disposition:")) {
				Matcher nameMatcher = NAME.matcher(line);
				name = nameMatcher.find() ? nameMatcher.group(1) : null;
				Matcher filenameMatcher = FILENAME.matcher(line);
				filename = filenameMatcher.find() ? filenameMatcher.group(1) : null;
			}
			else if (lower.startsWith("content-type:")) {
				contentType = line.substring(13).strip();
			}
		}
		return new Part(name, filename, contentType, Arrays.copyOfRange(bytes, end + 4, bytes.length));
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	record Part(String name, String filename, String contentType, byte[] content) {
	}

}
