package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.support.BentoCloudCredentialsGuidance;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Where the BentoCloud credentials came from, for logs, health details and the connection
 * details; never the token. Computed from the environment: the credentials
 * post-processor's property source, and {@code BENTOCLOUD_DEPLOYMENT_URL}.
 *
 * @param source the layer that supplied the token: {@code properties:<origin>},
 * {@code env:BENTO_CLOUD_API_KEY}, {@code file:<path>#<context>}, or {@code none}
 * @param searched where the post-processor looked when it found no token, or {@code null}
 * @param deploymentUrl the URL of the BentoCloud deployment the application runs in (from
 * {@code BENTOCLOUD_DEPLOYMENT_URL}, without user info, query or fragment), or
 * {@code null} outside BentoCloud
 * @since 0.1.0
 */
public record BentoCloudCredentialsSource(String source, @Nullable String searched, @Nullable String deploymentUrl) {

	/** The {@link #source()} when no layer supplied a token. */
	public static final String NONE = BentoCloudCredentials.NONE;

	/** A source outside a BentoCloud deployment. */
	public BentoCloudCredentialsSource(String source, @Nullable String searched) {
		this(source, searched, null);
	}

	/**
	 * Reads what the post-processor resolved.
	 * @param environment the application's environment
	 * @return the source; {@code none} when the post-processor did not run
	 */
	public static BentoCloudCredentialsSource from(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return new BentoCloudCredentialsSource(NONE, null, null);
		}
		String deploymentUrl = deploymentUrl(configurable);
		if (configurable.getPropertySources()
			.get(BentoCloudCredentialsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME) instanceof CredentialsPropertySource resolved) {
			return new BentoCloudCredentialsSource(resolved.source(), resolved.searched(), deploymentUrl);
		}
		return new BentoCloudCredentialsSource(NONE, null, deploymentUrl);
	}

	/** The BentoCloud deployment the application runs in, shown safely, or null. */
	static @Nullable String deploymentUrl(ConfigurableEnvironment environment) {
		return BentoMlEnvironment.of(environment)
			.nonBlank(BentoMlEnvironment.DEPLOYMENT_URL)
			.map(SafeText::endpoint)
			.orElse(null);
	}

	/** The guidance for a missing token, naming where the starter looked. */
	public String noTokenGuidance() {
		return BentoCloudCredentialsGuidance.noToken(this.searched,
				BentoCloudCredentialsGuidance.HOW_TO_FIX_SPRING_BOOT);
	}

}
