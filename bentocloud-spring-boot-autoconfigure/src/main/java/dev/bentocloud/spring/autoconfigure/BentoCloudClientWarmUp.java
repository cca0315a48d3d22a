package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
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
 * Reactor Netty's shared event loops, and their disposal at close must not race that. A
 * close that comes first (another ready listener's, or a signal's) prevents the warm-up.
 * Only the events of the context that holds this listener count: a child context's ready
 * event, which reaches its parent too, starts nothing there.
 */
final class BentoCloudClientWarmUp implements SmartApplicationListener, ApplicationContextAware {

	/** The name of the thread that warms up the client. */
	static final String THREAD_NAME = "bentocloud-warm-up";

	/** How long a close waits for a warm-up that is still running. */
	static final int CLOSE_WAIT_SECONDS = 10;

	private static final Log logger = LogFactory.getLog(BentoCloudClientWarmUp.class);

	private final ObjectProvider<BentoCloudClient> client;

	private final Duration closeWait;

	private final Object lock = new Object();

	private @Nullable ApplicationContext context;

	private @Nullable Thread thread;

	private boolean closed;

	BentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> client) {
		this(client, Duration.ofSeconds(CLOSE_WAIT_SECONDS));
	}

	BentoCloudClientWarmUp(ObjectProvider<BentoCloudClient> client, Duration closeWait) {
		this.client = client;
		this.closeWait = closeWait;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationReadyEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		// A ready event's source is the SpringApplication, not the context.
		if (event instanceof ApplicationReadyEvent ready && ready.getApplicationContext() == this.context) {
			start();
		}
		else if (event instanceof ContextClosedEvent closing && closing.getApplicationContext() == this.context) {
			awaitEnd();
		}
	}

	private void start() {
		// Under the lock, so a close waits while the client is resolved rather than
		// tearing it down; the active check covers a close whose event we missed
		// (an earlier close listener failed).
		synchronized (this.lock) {
			if (this.closed || this.thread != null
					|| (this.context instanceof ConfigurableApplicationContext configurable
							&& !configurable.isActive())) {
				return;
			}
			BentoCloudClient client = this.client.getIfUnique();
			if (client == null) {
				return;
			}
			Thread thread = new Thread(() -> warmUp(client), THREAD_NAME);
			thread.setDaemon(true);
			this.thread = thread;
			thread.start();
		}
	}

	private void awaitEnd() {
		Thread running;
		synchronized (this.lock) {
			this.closed = true;
			running = this.thread;
		}
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
