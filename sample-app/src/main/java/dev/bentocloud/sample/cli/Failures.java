package dev.bentocloud.sample.cli;

import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;

/**
 * Failure wording shared by command groups.
 */
final class Failures {

	/** BentoML's hint after a 401, on the same line, naming the ways to fix it. */
	static final String LOGIN_HINT = "* BentoCloud API token is required for authorization. Run `bentoml cloud login` "
			+ "command to login, or set BENTO_CLOUD_API_KEY.";

	private Failures() {
	}

	static boolean isUnauthorized(BentoCloudException failure) {
		return failure instanceof BentoCloudUnauthenticatedException;
	}

	static boolean isNotFound(BentoCloudException failure) {
		return failure instanceof BentoCloudNotFoundException;
	}

	/**
	 * The client's message, followed by the login hint after a 401 unless it already says
	 * how to log in.
	 */
	static String describe(BentoCloudException failure) {
		String message = failure.getMessage();
		boolean needsHint = (isUnauthorized(failure) || failure instanceof BentoCloudCredentialsException)
				&& (message == null || !message.contains("cloud login"));
		return needsHint ? message + " " + LOGIN_HINT : message;
	}

}
