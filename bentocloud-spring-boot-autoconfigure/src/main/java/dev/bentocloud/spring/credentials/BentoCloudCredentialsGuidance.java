package dev.bentocloud.spring.credentials;

import java.util.List;

/**
 * What to tell a user whose application has no BentoCloud API token. Shared by the startup
 * warning, the client's error and the health indicator so that all three say the same thing.
 */
public final class BentoCloudCredentialsGuidance {

	/** The ways to supply a token, best first. */
	public static final String HOW_TO_FIX = "Run `bentoml cloud login` (writes ~/bentoml/.yatai.yaml), "
			+ "or set the environment variable BENTO_CLOUD_API_KEY (with BENTO_CLOUD_API_ENDPOINT for your "
			+ "organization's endpoint), or set the property bentocloud.api-token (with bentocloud.endpoint).";

	private BentoCloudCredentialsGuidance() {
	}

	/**
	 * The full message for a missing token.
	 * @param searched where the starter looked, as published in
	 * {@code bentocloud.credentials.searched}; may be {@code null} or empty
	 * @return a message that names where it looked and what to do
	 */
	public static String noToken(String searched) {
		StringBuilder message = new StringBuilder("No BentoCloud API token is configured.");
		if (searched != null && !searched.isBlank()) {
			message.append(" Looked in: ").append(searched).append('.');
		}
		return message.append(' ').append(HOW_TO_FIX).toString();
	}

	/**
	 * The full message for a missing token.
	 * @param searched where the starter looked
	 * @return a message that names where it looked and what to do
	 */
	public static String noToken(List<String> searched) {
		return noToken(String.join("; ", searched));
	}

}
