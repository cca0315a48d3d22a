package dev.bentocloud.client;

import org.jspecify.annotations.Nullable;

/**
 * Makes text from a server safe to put in a message, a log line or a terminal: control
 * characters (C0, DEL, C1, and the line and paragraph separators) are shown as {@code \n},
 * {@code \r}, {@code \t} or {@code \}{@code u001b}-style escapes, so that a server cannot forge a
 * log line or send escape sequences to a terminal. Other text, any script, is kept as it is.
 *
 * @since 0.1.0
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * The text with every control character escaped.
	 * @param text the text, may be {@code null}
	 * @return the escaped text, or {@code null}
	 */
	public static @Nullable String escape(@Nullable String text) {
		if (text == null) {
			return null;
		}
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c)) {
				if (escaped == null) {
					escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				switch (c) {
					case '\n' -> escaped.append("\\n");
					case '\r' -> escaped.append("\\r");
					case '\t' -> escaped.append("\\t");
					default -> escaped.append(String.format("\\u%04x", (int) c));
				}
			}
			else if (escaped != null) {
				escaped.append(c);
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	/**
	 * The text escaped and, when longer than {@code max} characters, cut with a note of its length.
	 * @param text the text, may be {@code null}
	 * @param max the most characters to keep
	 * @return the escaped, bounded text, or {@code null}
	 */
	public static @Nullable String escape(@Nullable String text, int max) {
		if (text == null) {
			return null;
		}
		String cut = (text.length() > max) ? text.substring(0, max) : text;
		String escaped = escape(cut);
		return (text.length() > max) ? escaped + "... (" + text.length() + " characters)" : escaped;
	}

	private static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
	}

}
