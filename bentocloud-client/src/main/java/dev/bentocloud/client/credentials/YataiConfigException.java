package dev.bentocloud.client.credentials;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * A credentials file that exists but cannot be used: unreadable, too large, not valid
 * YAML, or not shaped like BentoML's {@code .yatai.yaml}.
 * <p>
 * The message names the file, the line where known, and the problem. It never quotes the
 * file's content, so it cannot leak a token.
 *
 * @since 0.1.0
 */
public class YataiConfigException extends RuntimeException {

	private final Path file;

	private final int line;

	private final String problem;

	private final List<String> contextNames;

	private final boolean contextNamesKnown;

	private final @Nullable String missingContext;

	/**
	 * Creates a new exception.
	 * @param file the file that was read
	 * @param line the 1-based line of the problem, or 0 when unknown
	 * @param problem what is wrong, without any of the file's values
	 * @param contextNames names of the contexts that could be read despite the problem
	 */
	public YataiConfigException(Path file, int line, String problem, List<String> contextNames) {
		super(file + ((line > 0) ? ":" + line : "") + ": " + problem);
		this.file = file;
		this.line = line;
		this.problem = problem;
		this.contextNames = List.copyOf(contextNames);
		this.contextNamesKnown = !contextNames.isEmpty();
		this.missingContext = null;
	}

	/**
	 * A file that could be read, but whose selected context cannot be used.
	 * @param file the file that was read
	 * @param problem what is wrong, without any of the file's values
	 * @param contextNames names of the file's contexts
	 * @param missingContext the context asked for that does not exist, or {@code null}
	 * when it exists but is unusable
	 */
	public YataiConfigException(Path file, String problem, List<String> contextNames, @Nullable String missingContext) {
		super(file + ": " + problem);
		this.file = file;
		this.line = 0;
		this.problem = problem;
		this.contextNames = List.copyOf(contextNames);
		this.contextNamesKnown = true;
		this.missingContext = missingContext;
	}

	/** The file that was read. */
	public Path getFile() {
		return this.file;
	}

	/** The 1-based line of the problem, when known. */
	public OptionalInt getLine() {
		return (this.line > 0) ? OptionalInt.of(this.line) : OptionalInt.empty();
	}

	/** What is wrong, without any of the file's values. */
	public String getProblem() {
		return this.problem;
	}

	/** Names of the contexts that could be read despite the problem; may be empty. */
	public List<String> getContextNames() {
		return this.contextNames;
	}

	/**
	 * Whether {@link #getContextNames()} is known; false when the file could not be read.
	 */
	public boolean isContextNamesKnown() {
		return this.contextNamesKnown;
	}

	/** The context that was asked for but does not exist, or {@code null}. */
	public @Nullable String getMissingContext() {
		return this.missingContext;
	}

}
