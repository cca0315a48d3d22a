package dev.bentocloud.client.support;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to tell a user who has no BentoCloud API token: the one text behind the startup
 * warning, the client's {@link dev.bentocloud.client.BentoCloudCredentialsException} and
 * the health indicator's details.
 *
 * @since 0.1.0
 */
public final class BentoCloudCredentialsGuidance {

	/** The ways to supply a token to a client built in code, best first. */
	public static final String HOW_TO_FIX = howToFix(
			"pass one to BentoCloudClientBuilder.apiToken(...) (with endpoint(...))");

	/** The ways to supply a token to the Spring Boot starter, best first. */
	public static final String HOW_TO_FIX_SPRING_BOOT = howToFix(
			"set the property bentocloud.api-token (with bentocloud.endpoint)");

	private BentoCloudCredentialsGuidance() {
	}

	private static String howToFix(String inApplication) {
		return "Run `bentoml cloud login` (writes ~/bentoml/.yatai.yaml), or set the environment variable "
				+ "BENTO_CLOUD_API_KEY (with BENTO_CLOUD_API_ENDPOINT for your organization's endpoint), or "
				+ inApplication + ".";
	}

	/**
	 * The full message for a missing token in a client built in code.
	 * @param searched where the resolver looked, {@code "; "}-separated; may be
	 * {@code null}
	 * @return a message that names where it looked and what to do
	 */
	public static String noToken(@Nullable String searched) {
		return noToken(searched, HOW_TO_FIX);
	}

	/**
	 * The full message for a missing token in a client built in code.
	 * @param searched where the resolver looked
	 * @return a message that names where it looked and what to do
	 */
	public static String noToken(List<String> searched) {
		return noToken(String.join("; ", searched));
	}

	/**
	 * The full message for a missing token.
	 * @param searched where the resolver looked, {@code "; "}-separated; may be
	 * {@code null}
	 * @param howToFix the ways to supply a token, e.g. {@link #HOW_TO_FIX_SPRING_BOOT}
	 * @return a message that names where it looked and what to do
	 */
	public static String noToken(@Nullable String searched, String howToFix) {
		StringBuilder message = new StringBuilder("No BentoCloud API token is configured.");
		if (searched != null && !searched.isBlank()) {
			message.append(" Looked in: ").append(searched).append('.');
		}
		return message.append(' ').append(howToFix).toString();
	}

}
