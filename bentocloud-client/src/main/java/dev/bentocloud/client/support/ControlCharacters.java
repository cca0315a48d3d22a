package dev.bentocloud.client.support;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Makes text from a server safe to put in a message, a log line or a terminal: control
 * characters (C0, DEL, C1, the line and paragraph separators) and the bidirectional
 * overrides and isolates (which make text read differently from what it is) are shown as
 * {@code \}{@code u001b}-style escapes, so that a server cannot forge a log line or send
 * escape sequences to a terminal. Other text, accented letters, CJK and emoji included,
 * is kept.
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
	@Contract("null -> null; !null -> !null")
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
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else if (escaped != null) {
				escaped.append(c);
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	/**
	 * The text escaped and, when longer than {@code max} characters, cut with a note of
	 * its length.
	 * @param text the text, may be {@code null}
	 * @param max the most characters to keep
	 * @return the escaped, bounded text, or {@code null}
	 */
	@Contract("null, _ -> null; !null, _ -> !null")
	public static @Nullable String escape(@Nullable String text, int max) {
		if (text == null || text.length() <= max) {
			return escape(text);
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return escape(text.substring(0, end)) + "\u2026 (" + text.length() + " characters)";
	}

	private static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= 0x202a && c <= 0x202e)
				|| (c >= 0x2066 && c <= 0x2069);
	}

}
