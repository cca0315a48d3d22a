package dev.bentocloud.spring.credentials;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that text bound for a log or a terminal carries no raw control characters or
 * bidirectional overrides (what {@code ControlCharacters} escapes), and no overlong line.
 */
final class TerminalSafety {

	/** A hostile value: clears the screen, retitles the terminal, reverses the text. */
	static final String HOSTILE = "\u001b[2J\u001b]0;pwned\u0007\u202eevil\u2066\u009b";

	/** The same in a YAML double-quoted string. */
	static final String HOSTILE_YAML = "\\e[2J\\e]0;pwned\\a\\u202Eevil\\u2066\\x9b";

	private TerminalSafety() {
	}

	/**
	 * Asserts that the text has no raw control or bidi characters other than line breaks
	 * and tabs, and no line longer than {@code maxLine}.
	 * @param text the text, e.g. captured output or a failure analysis
	 * @param maxLine the longest line allowed
	 */
	static void assertSafe(String text, int maxLine) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\n' && c != '\r' && c != '\t') {
				assertThat(isControl(c)).as("raw U+%04X at %d in %s", (int) c, i, excerpt(text, i)).isFalse();
			}
		}
		// Not \R: it would also split at U+2028, which must not be there at all.
		int longest = Arrays.stream(text.split("\r?\n")).mapToInt(String::length).max().orElse(0);
		assertThat(longest).as("longest line").isLessThanOrEqualTo(maxLine);
	}

	private static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= 0x202a && c <= 0x202e)
				|| (c >= 0x2066 && c <= 0x2069);
	}

	private static String excerpt(String text, int at) {
		return text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80))
			.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]", "?");
	}

}
