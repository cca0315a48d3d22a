package dev.bentocloud.spring.client;

/**
 * No API token is configured, so no management call can be made.
 */
public class BentoCloudCredentialsException extends BentoCloudException {

	static final String NO_TOKEN = "No BentoCloud API token configured. Run `bentoml cloud login`, set BENTO_CLOUD_API_KEY, or set bentocloud.api-token.";

	public BentoCloudCredentialsException(String message) {
		super(message);
	}

}
