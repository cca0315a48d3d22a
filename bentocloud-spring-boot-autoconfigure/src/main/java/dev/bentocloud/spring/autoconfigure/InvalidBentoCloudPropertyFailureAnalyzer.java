package dev.bentocloud.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidBentoCloudPropertyException}: property, value, origin,
 * problem, fix.
 */
class InvalidBentoCloudPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBentoCloudPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBentoCloudPropertyException cause) {
		String nl = System.lineSeparator();
		StringBuilder description = new StringBuilder("Invalid BentoCloud configuration:").append(nl)
			.append(nl)
			.append("    Property: ")
			.append(cause.getProperty())
			.append(nl);
		if (cause.getValue() != null) {
			description.append("    Value: \"").append(cause.getValue()).append('"').append(nl);
		}
		description.append("    Origin: ")
			.append(cause.getOrigin())
			.append(nl)
			.append("    Reason: ")
			.append(cause.getProblem());
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

}
