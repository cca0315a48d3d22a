package dev.bentocloud.client.model;

import java.util.Set;

/**
 * The deployment status strings BentoCloud uses (contract 5.4), and how "wait until
 * ready" reads them. Statuses are kept as strings so that new ones do not break the
 * client.
 *
 * @since 0.1.0
 */
public final class DeploymentStatus {

	public static final String UNKNOWN = "unknown";

	public static final String NON_DEPLOYED = "non-deployed";

	public static final String RUNNING = "running";

	public static final String UNHEALTHY = "unhealthy";

	public static final String FAILED = "failed";

	public static final String DEPLOYING = "deploying";

	public static final String TERMINATING = "terminating";

	public static final String TERMINATED = "terminated";

	public static final String IMAGE_BUILDING = "image-building";

	public static final String IMAGE_BUILD_FAILED = "image-build-failed";

	public static final String IMAGE_BUILD_SUCCEEDED = "image-build-succeeded";

	public static final String SCALED_TO_ZERO = "scaled-to-zero";

	private static final Set<String> READY = Set.of(RUNNING, SCALED_TO_ZERO);

	private static final Set<String> TERMINAL_FAILURE = Set.of(FAILED, IMAGE_BUILD_FAILED, TERMINATED, TERMINATING,
			UNHEALTHY);

	private DeploymentStatus() {
	}

	/** {@code running} or {@code scaled-to-zero}. */
	public static boolean isReady(String status) {
		return READY.contains(status);
	}

	/** A status after which waiting for readiness is pointless. */
	public static boolean isTerminalFailure(String status) {
		return TERMINAL_FAILURE.contains(status);
	}

}
