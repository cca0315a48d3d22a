package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.credentials.YataiConfigException;

/**
 * The BentoML credentials file was needed for the API token but cannot be used: it is
 * broken, or the context asked for does not exist. Stops startup; reported by a failure
 * analyzer. The message never contains a token, and shows control characters of the
 * file's values escaped.
 *
 * @since 0.1.0
 */
public class InvalidCredentialsFileException extends RuntimeException {

	private final YataiConfigException fileProblem;

	InvalidCredentialsFileException(YataiConfigException cause) {
		// Escaped: the message may end up in a log or a test report.
		super(SafeText.line(cause.getMessage()), cause);
		this.fileProblem = cause;
	}

	/**
	 * What is wrong with the file: which file, line, problem and contexts.
	 * @return the client library's report, its values not yet escaped
	 */
	public YataiConfigException getFileProblem() {
		return this.fileProblem;
	}

}
