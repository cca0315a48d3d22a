package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Once the application is ready, runs {@link BentoCloudClient#warmUp()} on a daemon
 * thread, {@value #THREAD_NAME}, so that neither startup nor the first call pays for
 * building {@code WebClient}, connector, HTTP-interface proxy and JSON readers. It sends
 * nothing to BentoCloud; a call made meanwhile shares the same set-up. Switched off by
 * {@code bentocloud.warm-up.enabled=false}.
 * <p>
 * A close of the context that starts while the warm-up runs waits for it (at most
 * {@value #CLOSE_WAIT_SECONDS} s) before anything is stopped: the warm-up may be creating
 * Reactor Netty's shared event loops, and their disposal at close must not race that.
 */
final class BentoCloudClientWarmUp implements SmartApplicationListener {

	/** The name of the thread that warms up the client. */
	static final String THREAD_NAME = "bentocloud-warm-up";

	/** How long a close waits for a warm-up that is still running. */
	static final int CLOSE_WAIT_SECONDS = 10;

	private final Duration closeWait;

	private static final Log logger = LogFactory.getLog(BentoCloudClientWarmUp.class);

	private final ObjectProvider<BentoCloudClient> client;

	private volatile @Nullable Thread thread;

	private volatile @Nullable ApplicationContext context;

	BentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> client) {
		this(client, Duration.ofSeconds(CLOSE_WAIT_SECONDS));
	}

	BentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> client, Duration closeWait) {
		this.client = client;
		this.closeWait = closeWait;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationReadyEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationReadyEvent ready) {
			start(ready.getApplicationContext());
		}
		else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context) {
			awaitEnd();
		}
	}

	private void start(ApplicationContext context) {
		BentoCloudClient client = this.client.getIfUnique();
		if (client == null) {
			return;
		}
		Thread thread = new Thread(() -> warmUp(client), THREAD_NAME);
		thread.setDaemon(true);
		this.context = context;
		this.thread = thread;
		thread.start();
	}

	private void awaitEnd() {
		Thread running = this.thread;
		if (running == null || !running.isAlive()) {
			return;
		}
		try {
			running.join(this.closeWait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (running.isAlive()) {
			logger.debug("BentoCloud client warm-up still running after " + this.closeWait.toMillis()
					+ " ms; closing without waiting for it");
		}
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
