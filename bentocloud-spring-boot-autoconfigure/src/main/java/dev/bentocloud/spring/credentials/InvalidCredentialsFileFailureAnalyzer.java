package dev.bentocloud.spring.credentials;

import dev.bentocloud.client.credentials.YataiConfigException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidCredentialsFileException}: which file, which line, which
 * contexts exist, and how to fix it. What comes from the file or the environment is shown
 * escaped and cut ({@link SafeText}): the report is printed on the terminal.
 */
class InvalidCredentialsFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCredentialsFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCredentialsFileException cause) {
		YataiConfigException problem = cause.getFileProblem();
		String file = SafeText.line(problem.getFile());
		StringBuilder description = new StringBuilder("The BentoCloud credentials file ").append(file)
			.append(" cannot be used");
		problem.getLine().ifPresent((line) -> description.append(" (line ").append(line).append(')'));
		description.append(": ").append(SafeText.line(problem.getProblem())).append('.').append(System.lineSeparator());
		// The names as the client library shows them (each already cut), the list cut as
		// a whole: a file may hold thousands.
		String names = problem.getContextNames().isEmpty() ? "none"
				: SafeText.line(String.join(", ", problem.getContextNames()));
		description.append(problem.isContextNamesKnown() ? "Contexts in the file: " + names + "."
				: "Contexts in the file: unknown, the file could not be read.");
		description.append(System.lineSeparator())
			.append("No other source (bentocloud.api-token, BENTO_CLOUD_API_KEY) supplied an API token, so the "
					+ "file is required.");
		String bypass = "or bypass the file by setting the environment variable BENTO_CLOUD_API_KEY "
				+ "(with BENTO_CLOUD_API_ENDPOINT) or the property bentocloud.api-token (with bentocloud.endpoint).";
		String action = (problem.getMissingContext() != null)
				? "Run `bentoml cloud login --context " + SafeText.line(problem.getMissingContext())
						+ "` to add that context, or select an existing one with bentocloud.context (or "
						+ "BENTOML_CLOUD_CONTEXT), " + bypass
				: "Fix " + file + " (or move it away and run `bentoml cloud login` to write a new one), " + bypass;
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
