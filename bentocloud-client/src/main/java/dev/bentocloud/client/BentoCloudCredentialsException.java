package dev.bentocloud.client;

/**
 * No API token is configured, so no management call can be made. The message names where
 * the credentials were looked for and how to supply them.
 *
 * @since 0.1.0
 */
public class BentoCloudCredentialsException extends BentoCloudException {

	public BentoCloudCredentialsException(String message) {
		super(message);
	}

}
