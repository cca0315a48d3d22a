package dev.bentocloud.sample.cli;

/**
 * A failure a command words itself, such as "API token with UID 'x' not found"; exit code
 * 1.
 */
public class CliException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CliException(String message) {
		super(message);
	}

}
