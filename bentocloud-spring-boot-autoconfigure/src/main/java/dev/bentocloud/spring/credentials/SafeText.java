package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.ControlCharacters;
import org.jspecify.annotations.Nullable;

/**
 * Text from files, the environment or servers as the starter's log lines and failure
 * reports show it: control characters and bidi overrides escaped ({@code \}{@code u001b})
 * and long text cut, with the client library's {@link ControlCharacters}, the escaper and
 * caps of the sample CLI. Without it, a {@code .yatai.yaml} context name or endpoint
 * could clear the terminal, forge log lines or reverse what a reader sees, and a
 * 120,000-character endpoint would make a 120,000-character log line.
 * <p>
 * For the starter's own use (its other package needs it too), not an API of its own.
 *
 * @since 0.1.0
 */
public final class SafeText {

	/** Most characters of one value shown: the CLI's cap for values. */
	public static final int MAX_VALUE = 200;

	/** Most characters of a whole line or list shown: the CLI's cap for a line. */
	public static final int MAX_LINE = 10 * MAX_VALUE;

	private SafeText() {
	}

	/**
	 * One value, such as a context name: escaped, at most {@value #MAX_VALUE} characters.
	 * @param text the value, may be {@code null}
	 * @return the safe value, {@code <none>} for {@code null}
	 */
	public static String value(@Nullable String text) {
		return escape(text, MAX_VALUE);
	}

	/**
	 * An endpoint or URL: without user info, query or fragment, escaped, at most
	 * {@value #MAX_VALUE} characters.
	 * @param url the URL as configured, may be {@code null}
	 * @return the safe URL
	 */
	public static String endpoint(@Nullable String url) {
		return value(BentoCloudEndpoints.displayable(url));
	}

	/**
	 * A whole line, a list or a problem description: escaped, at most {@value #MAX_LINE}
	 * characters. Escaping again does nothing, so a line built from values that are
	 * already safe can go through it too.
	 * @param text the text, may be {@code null}
	 * @return the safe text, {@code <none>} for {@code null}
	 */
	public static String line(@Nullable Object text) {
		return escape((text != null) ? text.toString() : null, MAX_LINE);
	}

	private static String escape(@Nullable String text, int max) {
		String escaped = ControlCharacters.escape(text, max);
		return (escaped != null) ? escaped : "<none>";
	}

}
