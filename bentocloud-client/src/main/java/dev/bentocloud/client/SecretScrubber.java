package dev.bentocloud.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Masks known secrets (API tokens) wherever they occur in a text, such as an error body
 * or message a server echoed back. One place for the client's errors and the health
 * details, so both mask the same way.
 *
 * @since 0.1.0
 */
public final class SecretScrubber {

	/** What a secret is replaced with. */
	public static final String MASK = "******";

	private final List<String> secrets;

	private SecretScrubber(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * A scrubber for these secrets; {@code null} and blank ones are ignored, the others
	 * are matched without surrounding whitespace.
	 * @param secrets the secrets to mask
	 * @return the scrubber
	 */
	public static SecretScrubber of(@Nullable String... secrets) {
		return new SecretScrubber(Arrays.stream(secrets)
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((secret) -> !secret.isEmpty())
			.distinct()
			.toList());
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
		for (String secret : this.secrets) {
			result = result.replace(secret, MASK);
		}
		return result;
	}

	@Override
	public String toString() {
		return "SecretScrubber[" + this.secrets.size() + " secret(s)]";
	}

}
