package dev.bentocloud.spring.credentials;

import org.springframework.core.env.PropertyResolver;

/**
 * Where the BentoCloud credentials came from, as the credentials post-processor published it in
 * the environment next to {@code bentocloud.api-token} and {@code bentocloud.endpoint}.
 *
 * @param source the layer that supplied the token: {@code properties:<origin>},
 * {@code env:BENTO_CLOUD_API_KEY}, {@code file:<path>#<context>}, or {@code none}
 * @param searched where the post-processor looked when it found no token, or {@code null}
 */
public record BentoCloudCredentialsSource(String source, String searched) {

	/** Property holding {@link #source()}. Written by the starter, not meant to be set. */
	public static final String SOURCE_PROPERTY = "bentocloud.credentials.source";

	/** Property holding {@link #searched()}. Written by the starter, not meant to be set. */
	public static final String SEARCHED_PROPERTY = "bentocloud.credentials.searched";

	/** The {@link #source()} when no layer supplied a token. */
	public static final String NONE = "none";

	/**
	 * Reads what the post-processor published.
	 * @param environment the application's environment
	 * @return the source; {@code none} when the post-processor did not run
	 */
	public static BentoCloudCredentialsSource from(PropertyResolver environment) {
		return new BentoCloudCredentialsSource(environment.getProperty(SOURCE_PROPERTY, NONE),
				environment.getProperty(SEARCHED_PROPERTY));
	}

	/** The guidance for a missing token, naming where the starter looked. */
	public String noTokenGuidance() {
		return BentoCloudCredentialsGuidance.noToken(this.searched);
	}

}
