package dev.bentocloud.spring.credentials;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidCredentialsFileException}: which file, which line, which
 * contexts exist, and how to fix it.
 */
class InvalidCredentialsFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCredentialsFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCredentialsFileException cause) {
		StringBuilder description = new StringBuilder("The BentoCloud credentials file ").append(cause.getFile())
			.append(" cannot be used");
		cause.getLine().ifPresent((line) -> description.append(" (line ").append(line).append(')'));
		description.append(": ").append(cause.getProblem()).append('.').append(System.lineSeparator());
		if (cause.isContextNamesKnown()) {
			description.append("Contexts in the file: ")
				.append(cause.getContextNames().isEmpty() ? "none" : String.join(", ", cause.getContextNames()))
				.append('.');
		}
		else {
			description.append("Contexts in the file: unknown, the file could not be read.");
		}
		description.append(System.lineSeparator())
			.append("No other source (bentocloud.api-token, BENTO_CLOUD_API_KEY) supplied an API token, so the "
					+ "file is required.");
		String bypass = "or bypass the file by setting the environment variable BENTO_CLOUD_API_KEY "
				+ "(with BENTO_CLOUD_API_ENDPOINT) or the property bentocloud.api-token (with bentocloud.endpoint).";
		String action;
		if (cause.getMissingContext() != null) {
			action = "Run `bentoml cloud login --context " + cause.getMissingContext() + "` to add that context, "
					+ "or select an existing one with bentocloud.context (or BENTOML_CLOUD_CONTEXT), " + bypass;
		}
		else {
			action = "Fix " + cause.getFile() + " (or move it away and run `bentoml cloud login` to write a new "
					+ "one), " + bypass;
		}
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
