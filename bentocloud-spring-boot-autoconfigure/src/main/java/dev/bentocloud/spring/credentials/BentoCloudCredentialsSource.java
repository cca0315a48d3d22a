package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.support.BentoCloudCredentialsGuidance;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;

/**
 * Where the BentoCloud credentials came from, as the credentials post-processor published
 * it in the environment next to {@code bentocloud.api-token} and
 * {@code bentocloud.endpoint}.
 *
 * @param source the layer that supplied the token: {@code properties:<origin>},
 * {@code env:BENTO_CLOUD_API_KEY}, {@code file:<path>#<context>}, or {@code none}
 * @param searched where the post-processor looked when it found no token, or {@code null}
 * @param deploymentUrl the URL of the BentoCloud deployment the application runs in (from
 * {@code BENTOCLOUD_DEPLOYMENT_URL}, without user info, query or fragment), or
 * {@code null} outside BentoCloud
 */
public record BentoCloudCredentialsSource(String source, @Nullable String searched, @Nullable String deploymentUrl) {

	/**
	 * Property holding {@link #source()}. Written by the starter, not meant to be set.
	 */
	public static final String SOURCE_PROPERTY = "bentocloud.credentials.source";

	/**
	 * Property holding {@link #searched()}. Written by the starter, not meant to be set.
	 */
	public static final String SEARCHED_PROPERTY = "bentocloud.credentials.searched";

	/**
	 * Property holding the URL of the BentoCloud deployment the application runs in (from
	 * {@code BENTOCLOUD_DEPLOYMENT_URL}, without user info, query or fragment); absent
	 * outside BentoCloud. Written by the starter, not meant to be set.
	 */
	public static final String DEPLOYMENT_URL_PROPERTY = "bentocloud.credentials.deployment-url";

	/** The {@link #source()} when no layer supplied a token. */
	public static final String NONE = BentoCloudCredentials.NONE;

	/**
	 * A source outside a BentoCloud deployment.
	 * @param source the layer that supplied the token
	 * @param searched where the post-processor looked when it found no token, or
	 * {@code null}
	 */
	public BentoCloudCredentialsSource(String source, @Nullable String searched) {
		this(source, searched, null);
	}

	/**
	 * Reads what the post-processor published.
	 * @param environment the application's environment
	 * @return the source; {@code none} when the post-processor did not run
	 */
	public static BentoCloudCredentialsSource from(PropertyResolver environment) {
		return new BentoCloudCredentialsSource(environment.getProperty(SOURCE_PROPERTY, NONE),
				environment.getProperty(SEARCHED_PROPERTY), environment.getProperty(DEPLOYMENT_URL_PROPERTY));
	}

	/** The guidance for a missing token, naming where the starter looked. */
	public String noTokenGuidance() {
		return BentoCloudCredentialsGuidance.noToken(this.searched,
				BentoCloudCredentialsGuidance.HOW_TO_FIX_SPRING_BOOT);
	}

}
