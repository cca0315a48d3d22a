package dev.bentocloud.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables tests when a Docker engine answers, checked once per JVM (see
 * {@link DockerAvailability}).
 * <ul>
 * <li>No engine: the tests are skipped, or fail when {@value #REQUIRE_DOCKER_PROPERTY} is
 * {@code true}.</li>
 * <li>An engine answers but Testcontainers cannot use it: the tests fail, since skipping
 * would hide a broken set-up.</li>
 * </ul>
 */
public class DockerAvailableCondition implements ExecutionCondition {

	/**
	 * System property (or environment variable {@code BENTOCLOUD_IT_REQUIRE_DOCKER}) that
	 * turns a missing Docker engine from a skip into a failure.
	 */
	public static final String REQUIRE_DOCKER_PROPERTY = "bentocloud.it.require-docker";

	private static volatile DockerAvailability.Result cached;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		DockerAvailability.Result docker = result();
		if (docker.available()) {
			return ConditionEvaluationResult.enabled(docker.description());
		}
		if (docker.engineAnswered() || "true".equalsIgnoreCase(ItSettings.get(REQUIRE_DOCKER_PROPERTY))) {
			throw new IllegalStateException(
					"Docker is needed by " + context.getDisplayName() + " but " + docker.description()
							+ ". On Linux as root, 'bash .ci/docker-setup' installs and starts a local engine"
							+ (docker.engineAnswered() ? "."
									: "; to skip these tests instead, unset -D" + REQUIRE_DOCKER_PROPERTY + " and "
											+ ItSettings.environmentVariable(REQUIRE_DOCKER_PROPERTY) + "."));
		}
		String reason = "Skipped: " + docker.description() + " (run 'bash .ci/docker-setup' to get one; -D"
				+ REQUIRE_DOCKER_PROPERTY + "=true or " + ItSettings.environmentVariable(REQUIRE_DOCKER_PROPERTY)
				+ "=true turns this skip into a failure)";
		System.out.println("[bentocloud-it] " + context.getDisplayName() + ": " + reason);
		return ConditionEvaluationResult.disabled(reason);
	}

	private static DockerAvailability.Result result() {
		DockerAvailability.Result result = cached;
		if (result == null) {
			synchronized (DockerAvailableCondition.class) {
				result = cached;
				if (result == null) {
					long start = System.nanoTime();
					result = DockerAvailability.check();
					System.out.printf("[bentocloud-it] Docker check took %d ms: %s%n",
							(System.nanoTime() - start) / 1_000_000, result.description());
					cached = result;
				}
			}
		}
		return result;
	}

}
