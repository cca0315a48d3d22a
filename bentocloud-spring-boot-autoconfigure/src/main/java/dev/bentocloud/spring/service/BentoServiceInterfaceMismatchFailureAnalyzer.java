package dev.bentocloud.spring.service;

import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceMismatchException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link BentoServiceInterfaceMismatchException}: each interface that does not
 * match its service, each method with its route and the problem, and how to fix it.
 */
class BentoServiceInterfaceMismatchFailureAnalyzer
		extends AbstractFailureAnalyzer<BentoServiceInterfaceMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BentoServiceInterfaceMismatchException cause) {
		String nl = System.lineSeparator();
		StringBuilder description = new StringBuilder(
				"A BentoML service interface does not match its service's /schema.json:")
			.append(nl)
			.append(nl)
			.append(cause.getMessage());
		for (Throwable other : cause.getSuppressed()) {
			if (other instanceof BentoServiceInterfaceMismatchException mismatch) {
				description.append(nl).append(nl).append(mismatch.getMessage());
			}
		}
		String action = "Make each method match its route: rename the method or name its route with "
				+ "@BentoRoute(\"...\"), name its parameters as the route's arguments (or with @BentoParam(\"...\")), "
				+ "stream a streaming route (Flux or Stream) and submit a task (BentoTask). Regenerating the interface "
				+ "from the service's schema.json with BentoServiceInterfaceGenerator keeps it in step with the "
				+ "Python service. To start anyway, set bentocloud.service-interfaces.verify=warn.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
