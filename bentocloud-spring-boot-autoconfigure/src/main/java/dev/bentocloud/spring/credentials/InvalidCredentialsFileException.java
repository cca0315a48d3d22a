package dev.bentocloud.spring.credentials;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import dev.bentocloud.client.credentials.YataiConfigException;
import org.jspecify.annotations.Nullable;

/**
 * The BentoML credentials file was needed for the API token but cannot be used: it is
 * broken, or the context asked for does not exist. Stops startup; reported by a failure
 * analyzer. The message never contains a token.
 *
 * @since 0.1.0
 */
public class InvalidCredentialsFileException extends RuntimeException {

	private final Path file;

	private final int line;

	private final String problem;

	private final List<String> contextNames;

	private final boolean contextNamesKnown;

	private final @Nullable String missingContext;

	InvalidCredentialsFileException(YataiConfigException cause) {
		super(cause.getMessage(), cause);
		this.file = cause.getFile();
		this.line = cause.getLine().orElse(0);
		this.problem = cause.getProblem();
		this.contextNames = cause.getContextNames();
		this.contextNamesKnown = cause.isContextNamesKnown();
		this.missingContext = cause.getMissingContext();
	}

	/** The credentials file. */
	public Path getFile() {
		return this.file;
	}

	/** The 1-based line of the problem, when known. */
	public OptionalInt getLine() {
		return (this.line > 0) ? OptionalInt.of(this.line) : OptionalInt.empty();
	}

	/** What is wrong. */
	public String getProblem() {
		return this.problem;
	}

	/** The contexts the file holds (as far as it could be read). */
	public List<String> getContextNames() {
		return this.contextNames;
	}

	/** The name of the context that was asked for but does not exist, or {@code null}. */
	public @Nullable String getMissingContext() {
		return this.missingContext;
	}

	/**
	 * Whether {@link #getContextNames()} is known; false when the file could not be read.
	 */
	public boolean isContextNamesKnown() {
		return this.contextNamesKnown;
	}

}
