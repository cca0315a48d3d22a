package dev.bentocloud.client.service.interfaces;

import java.lang.reflect.Method;

/**
 * A method of a {@link BentoService} interface that does not match the service's
 * {@code /schema.json}.
 *
 * @param method the method
 * @param route the route it calls (as the method names it)
 * @param problem what does not match, and what the service has instead
 * @since 0.1.0
 * @see BentoServiceInterfaceVerifier
 */
public record BentoServiceMismatch(Method method, String route, String problem) {

	/**
	 * The mismatch as one line: {@code Summarizer.summarise(String) -> route summarise:
	 * the service has no such route; did you mean summarize?}.
	 * @return the description
	 */
	public String describe() {
		return ServiceMethod.describe(this.method) + " -> route " + this.route + ": " + this.problem;
	}

	@Override
	public String toString() {
		return describe();
	}

}
