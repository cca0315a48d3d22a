package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.ControlCharacters;
import org.jspecify.annotations.Nullable;

/**
 * Text from files, the environment or servers as the starter's log lines and failure
 * reports show it: control characters and bidi overrides escaped ({@code \}{@code u001b})
 * and long text cut, with the client library's {@link ControlCharacters}. Without it, a
 * {@code .yatai.yaml} context name could clear the terminal, forge log lines or reverse
 * what a reader sees. For the starter's own use, not an API of its own.
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

	/** One value, such as a context name; {@code <none>} for {@code null}. */
	public static String value(@Nullable String text) {
		return escape(text, MAX_VALUE);
	}

	/** An endpoint or URL, without user info, query or fragment. */
	public static String endpoint(@Nullable String url) {
		return value(BentoCloudEndpoints.displayable(url));
	}

	/**
	 * A whole line, a list or a problem description. Escaping again does nothing, so a
	 * line built from values that are already safe can go through it too.
	 */
	public static String line(@Nullable Object text) {
		return escape((text != null) ? text.toString() : null, MAX_LINE);
	}

	private static String escape(@Nullable String text, int max) {
		String escaped = ControlCharacters.escape(text, max);
		return (escaped != null) ? escaped : "<none>";
	}

}
