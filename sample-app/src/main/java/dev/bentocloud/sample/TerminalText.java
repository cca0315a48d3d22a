package dev.bentocloud.sample;

import dev.bentocloud.client.support.ControlCharacters;

/**
 * Makes server-supplied text safe to print on a terminal or in a log line. Names,
 * descriptions and error messages come from BentoCloud (or whoever answers at the
 * configured endpoint); printed raw, an escape sequence in them could retitle the
 * terminal, clear the screen, move the cursor or forge extra output lines.
 * <p>
 * It is the client library's {@link ControlCharacters}, the one escaper of the project.
 * {@link #safe(String)} shows every C0 control (U+0000–U+001F), DEL (U+007F), C1 control
 * (U+0080–U+009F) and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, which can make text read differently from what it is) as a visible
 * Java-style escape such as {@code \u001b}. Everything else, accented letters, CJK and
 * emoji included, is kept. {@link #cap(String)} also cuts very long values.
 * <p>
 * JSON and YAML outputs need none of this: their serializers escape control characters.
 */
public final class TerminalText {

	/** Values longer than this are cut in messages and tables. */
	public static final int MAX_LENGTH = 200;

	private TerminalText() {
	}

	/**
	 * The text with control characters shown as escapes.
	 * @param text any text, may be {@code null}
	 * @return the safe text, {@code null} for {@code null}
	 */
	public static String safe(String text) {
		return ControlCharacters.escape(text);
	}

	/**
	 * {@link #safe(String) Safe} and at most {@value #MAX_LENGTH} characters of the
	 * original (not cut inside a surrogate pair), then {@code … (N characters)}.
	 * @param text any text, may be {@code null}
	 * @return the safe, capped text, {@code null} for {@code null}
	 */
	public static String cap(String text) {
		return cap(text, MAX_LENGTH);
	}

	/**
	 * As {@link #cap(String)} with another limit.
	 * @param text any text, may be {@code null}
	 * @param max how many characters of the original to keep
	 * @return the safe, capped text, {@code null} for {@code null}
	 */
	public static String cap(String text, int max) {
		return ControlCharacters.escape(text, max);
	}

	/**
	 * A one-line, safe message: line breaks (and the blanks around them) become one
	 * space, each run of non-blank characters longer than {@value #MAX_LENGTH} is cut as
	 * by {@link #cap(String)}, and the whole at {@code 10 × MAX_LENGTH}.
	 * @param message the message, may be {@code null}
	 * @return the line, {@code null} for {@code null}
	 */
	public static String line(String message) {
		if (message == null) {
			return null;
		}
		String oneLine = message.strip().replaceAll("\\s*\\R\\s*", " ");
		StringBuilder line = new StringBuilder();
		int start = 0;
		while (start < oneLine.length()) {
			int blank = start;
			while (blank < oneLine.length() && !Character.isWhitespace(oneLine.charAt(blank))) {
				blank++;
			}
			line.append(cap(oneLine.substring(start, blank)));
			int next = blank;
			while (next < oneLine.length() && Character.isWhitespace(oneLine.charAt(next))) {
				next++;
			}
			line.append(safe(oneLine.substring(blank, next)));
			start = next;
		}
		int max = 10 * MAX_LENGTH;
		return (line.length() <= max) ? line.toString()
				: line.substring(0, max) + "\u2026 (" + line.length() + " characters)";
	}

}
