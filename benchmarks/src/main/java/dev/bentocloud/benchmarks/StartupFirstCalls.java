package dev.bentocloud.benchmarks;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BlockingBentoCloudClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first {@code currentUser()} after startup (connection, codecs and the client's lazy
 * parts warm up here) and the second. A class of its own, so that {@link StartupApp} also
 * loads on the class path without the starter.
 */
final class StartupFirstCalls {

	private StartupFirstCalls() {
	}

	/**
	 * Times two calls.
	 * @param context the started application
	 * @return {@code " firstCallUs=.. secondCallUs=.."}
	 */
	static String measure(ConfigurableApplicationContext context) {
		BlockingBentoCloudClient client = context.getBean(BentoCloudClient.class).blocking();
		long t0 = System.nanoTime();
		client.currentUser();
		long t1 = System.nanoTime();
		client.currentUser();
		long t2 = System.nanoTime();
		return " firstCallUs=" + (t1 - t0) / 1_000 + " secondCallUs=" + (t2 - t1) / 1_000;
	}

}
