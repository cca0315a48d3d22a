package dev.bentocloud.client.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;
import org.springframework.util.function.SingletonSupplier;

/**
 * Masks known secrets (API tokens) wherever they occur in a text, such as an error body
 * or message a server echoed back: the token as it is, URL-encoded, and JSON-escaped. The
 * one scrubber behind the client's errors, the health details and the sample's output.
 * <p>
 * A short secret (under {@value #SHORT} characters, such as a test token {@code x}) is
 * only masked where it stands on its own, not inside a longer word, so that unrelated
 * text is never damaged; longer ones, like real BentoCloud tokens, are masked wherever
 * they appear.
 *
 * @since 0.1.0
 */
public final class SecretScrubber {

	/** What a secret is replaced with. */
	public static final String MASK = "******";

	static final int SHORT = 12;

	// The forms are computed on the first scrub: a scrubber is made at startup for
	// every client and health indicator, most of which never scrub anything.
	private final SingletonSupplier<List<String>> forms;

	private SecretScrubber(@Nullable String[] secrets) {
		this.forms = SingletonSupplier.of(() -> forms(secrets));
	}

	/**
	 * A scrubber for these secrets; {@code null} and blank ones are ignored, the others
	 * are matched without surrounding whitespace.
	 * @param secrets the secrets to mask
	 * @return the scrubber
	 */
	public static SecretScrubber of(@Nullable String... secrets) {
		return new SecretScrubber(secrets.clone());
	}

	private static List<String> forms(@Nullable String[] secrets) {
		List<String> forms = new ArrayList<>();
		Arrays.stream(secrets)
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((secret) -> !secret.isEmpty())
			.forEach((secret) -> {
				forms.add(secret);
				forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
				forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
				forms.add(jsonEscaped(secret));
			});
		// Longest first, so that a form containing another is masked whole.
		return forms.stream().distinct().sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
	}

	/**
	 * The text with every secret masked.
	 * @param text the text, may be {@code null}
	 * @return the scrubbed text, or {@code null}
	 */
	@Contract("null -> null; !null -> !null")
	public @Nullable String scrub(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String form : this.forms.obtain()) {
			result = replace(result, form);
		}
		return result;
	}

	/**
	 * Whether the text contains one of the secrets (as {@link #scrub(String)} would mask
	 * it).
	 * @param text the text, may be {@code null}
	 * @return {@code true} when scrubbing would change it
	 */
	public boolean containsSecret(@Nullable String text) {
		return text != null && !text.equals(scrub(text));
	}

	private static String replace(String text, String form) {
		if (form.length() >= SHORT) {
			return text.replace(form, MASK);
		}
		StringBuilder result = new StringBuilder(text.length());
		int copied = 0;
		int searchFrom = 0;
		int at;
		while ((at = text.indexOf(form, searchFrom)) >= 0) {
			int end = at + form.length();
			if (standsAlone(text, at, end)) {
				result.append(text, copied, at).append(MASK);
				copied = end;
				searchFrom = end;
			}
			else {
				searchFrom = at + 1;
			}
		}
		return (copied == 0) ? text : result.append(text, copied, text.length()).toString();
	}

	private static boolean standsAlone(String text, int start, int end) {
		return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
				&& (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
	}

	private static String jsonEscaped(String secret) {
		return secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
	}

	@Override
	public String toString() {
		return "SecretScrubber[" + this.forms.obtain().size() + " form(s)]";
	}

}
