package dev.bentocloud.client;

import java.util.List;

import dev.bentocloud.client.support.BentoCloudCredentialsGuidance;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;

/**
 * An API token with the endpoint it belongs to, and where both came from.
 *
 * @param endpoint the management endpoint, e.g. {@code https://acme.cloud.bentoml.com}
 * @param apiToken the API token, or {@code null} when no source supplied one
 * @param source where the token came from, e.g. {@code env:BENTO_CLOUD_API_KEY} or
 * {@code file:/home/me/bentoml/.yatai.yaml#default}; {@value #NONE} without a token
 * @param searched where a resolver looked without finding a token (empty when it found
 * one)
 * @since 0.1.0
 */
public record BentoCloudCredentials(String endpoint, @Nullable String apiToken, String source, List<String> searched) {

	/** The {@link #source()} when no source supplied a token. */
	public static final String NONE = "none";

	public BentoCloudCredentials {
		searched = List.copyOf(searched);
	}

	/**
	 * Credentials given explicitly, e.g. in code.
	 * @param endpoint the management endpoint
	 * @param apiToken the API token
	 * @return the credentials, with source {@code explicit}
	 */
	public static BentoCloudCredentials of(String endpoint, String apiToken) {
		return new BentoCloudCredentials(endpoint, apiToken, "explicit", List.of());
	}

	/** Whether a non-blank token is present. */
	public boolean hasApiToken() {
		return this.apiToken != null && !this.apiToken.isBlank();
	}

	/** What to tell the user when {@link #hasApiToken()} is {@code false}. */
	public String noTokenGuidance() {
		return BentoCloudCredentialsGuidance.noToken(this.searched);
	}

	@Override
	public String toString() {
		return "BentoCloudCredentials[endpoint=" + BentoCloudEndpoints.displayable(this.endpoint) + ", apiToken="
				+ (hasApiToken() ? SecretScrubber.MASK : "<none>") + ", source=" + this.source + "]";
	}

}
