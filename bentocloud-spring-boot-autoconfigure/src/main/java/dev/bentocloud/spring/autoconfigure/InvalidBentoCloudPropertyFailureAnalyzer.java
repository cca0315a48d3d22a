package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.spring.credentials.SafeText;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidBentoCloudPropertyException}: property, value, origin,
 * problem, fix. Each part is shown escaped and cut ({@link SafeText}): the value may come
 * from {@code .yatai.yaml} or the environment, and the report is printed on the terminal.
 */
class InvalidBentoCloudPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBentoCloudPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBentoCloudPropertyException cause) {
		String nl = System.lineSeparator();
		StringBuilder description = new StringBuilder("Invalid BentoCloud configuration:").append(nl)
			.append(nl)
			.append("    Property: ")
			.append(SafeText.line(cause.getProperty()))
			.append(nl);
		if (cause.getValue() != null) {
			description.append("    Value: \"").append(SafeText.value(cause.getValue())).append('"').append(nl);
		}
		description.append("    Origin: ")
			.append(SafeText.line(cause.getOrigin()))
			.append(nl)
			.append("    Reason: ")
			.append(SafeText.line(cause.getProblem()));
		return new FailureAnalysis(description.toString(), SafeText.line(cause.getAction()), cause);
	}

}
