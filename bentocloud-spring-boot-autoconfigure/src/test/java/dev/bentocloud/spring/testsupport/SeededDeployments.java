package dev.bentocloud.spring.testsupport;

import dev.bentocloud.emulator.BentoCloudEmulator;

/**
 * The deployments the services tests call: a ready {@code summarizer} and an
 * {@code iris-classifier} that is not ready, plus a user whose token the services use.
 */
public final class SeededDeployments {

	private SeededDeployments() {
	}

	/**
	 * Resets the emulator to its baseline, seeds the deployments and forgets the requests
	 * made so far.
	 * @param server the emulator
	 * @return the service user's token
	 */
	public static String seed(BentoCloudEmulator server) {
		server.reset();
		server.seedDeployment("summarizer", "summarizer:1", true);
		server.seedDeployment("iris-classifier", "iris:1", false);
		String serviceToken = server.createUserWithToken("svc", "svc@example.com");
		server.clearRequests();
		return serviceToken;
	}

}
