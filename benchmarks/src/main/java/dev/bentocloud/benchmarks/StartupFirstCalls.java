package dev.bentocloud.benchmarks;

import java.util.Optional;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BlockingBentoCloudClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first {@code currentUser()} after startup (connection, codecs and the client's lazy
 * parts warm up here) and the second. A class of its own, so that {@link StartupApp} also
 * loads on the class path without the starter.
 */
final class StartupFirstCalls {

	/** The starter's warm-up thread (BentoCloudClientWarmUp.THREAD_NAME). */
	static final String WARM_UP_THREAD = "bentocloud-warm-up";

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

	/**
	 * Waits for the starter's warm-up thread to start (up to 5 s) and end (up to 30 s).
	 * @param readyNanos {@link System#nanoTime()} at ready
	 * @return {@code " warmUpUs=.."}: from ready to the end of the warm-up, or -1 when no
	 * warm-up thread showed up
	 */
	static String awaitWarmUp(long readyNanos) throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		Optional<Thread> warmUp = Optional.empty();
		while (warmUp.isEmpty() && System.nanoTime() < deadline) {
			warmUp = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().equals(WARM_UP_THREAD))
				.findFirst();
			if (warmUp.isEmpty()) {
				Thread.sleep(1);
			}
		}
		if (warmUp.isEmpty()) {
			return " warmUpUs=-1";
		}
		warmUp.get().join(30_000);
		return " warmUpUs=" + (System.nanoTime() - readyNanos) / 1_000;
	}

}
