package dev.bentocloud.spring.credentials;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import dev.bentocloud.client.credentials.YataiConfigException;
import org.jspecify.annotations.Nullable;

/**
 * The BentoML credentials file was needed for the API token but cannot be used: it is
 * broken, or the context asked for does not exist. Stops startup; reported by a failure
 * analyzer. The message never contains a token, and shows control characters of the
 * file's values escaped.
 *
 * @since 0.1.0
 */
public class InvalidCredentialsFileException extends RuntimeException {

	private final YataiConfigException problem;

	InvalidCredentialsFileException(YataiConfigException cause) {
		// Escaped: the message may end up in a log or a test report.
		super(SafeText.line(cause.getMessage()), cause);
		this.problem = cause;
	}

	private YataiConfigException problem() {
		return this.problem;
	}

	/** The credentials file. */
	public Path getFile() {
		return problem().getFile();
	}

	/** The 1-based line of the problem, when known. */
	public OptionalInt getLine() {
		return problem().getLine();
	}

	/** What is wrong. */
	public String getProblem() {
		return problem().getProblem();
	}

	/** The contexts the file holds (as far as it could be read). */
	public List<String> getContextNames() {
		return problem().getContextNames();
	}

	/** The name of the context that was asked for but does not exist, or {@code null}. */
	public @Nullable String getMissingContext() {
		return problem().getMissingContext();
	}

	/**
	 * Whether {@link #getContextNames()} is known; false when the file could not be read.
	 */
	public boolean isContextNamesKnown() {
		return problem().isContextNamesKnown();
	}

}
