package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application is ready, runs {@link BentoCloudClient#warmUp()} on a daemon
 * thread, {@value #THREAD_NAME}, so that neither startup nor the first call pays for
 * building {@code WebClient}, connector, HTTP-interface proxy and JSON readers. It sends
 * nothing to BentoCloud; a call made meanwhile shares the same set-up. Switched off by
 * {@code bentocloud.warm-up.enabled=false}.
 */
final class BentoCloudClientWarmUp implements ApplicationListener<ApplicationReadyEvent> {

	/** The name of the thread that warms up the client. */
	static final String THREAD_NAME = "bentocloud-warm-up";

	private static final Log logger = LogFactory.getLog(BentoCloudClientWarmUp.class);

	private final ObjectProvider<BentoCloudClient> client;

	BentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> client) {
		this.client = client;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		BentoCloudClient client = this.client.getIfUnique();
		if (client == null) {
			return;
		}
		Thread thread = new Thread(() -> warmUp(client), THREAD_NAME);
		thread.setDaemon(true);
		thread.start();
	}

	private static void warmUp(BentoCloudClient client) {
		long start = System.nanoTime();
		try {
			client.warmUp();
			if (logger.isDebugEnabled()) {
				logger.debug("BentoCloud client warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
			}
		}
		catch (RuntimeException ex) {
			// The first call sets up whatever is missing, and reports a real problem.
			logger.debug("BentoCloud client warm-up failed; the first call will set up the client", ex);
		}
	}

}
