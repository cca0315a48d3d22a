package dev.bentocloud.client.support;

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.util.context.Context;

/**
 * Keeps errors that a call signals after it was cancelled (a timeout, a health check that
 * gave up, a caller that went away) away from Reactor's global {@code onErrorDropped}
 * hook, which logs each at ERROR with a stack trace. Spring's {@code WebClient} signals
 * one when it releases a response body that the cancellation already released. They are
 * logged at DEBUG here, by type only (a message may quote a server), through Reactor's
 * context-local hook ({@code reactor.onErrorDropped.local}).
 */
public final class LateErrors {

	private static final Log logger = LogFactory.getLog(LateErrors.class);

	/** The key of Reactor's context-local {@code onErrorDropped} hook. */
	private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

	private static final Consumer<Throwable> LOG_AT_DEBUG = (ex) -> {
		if (logger.isDebugEnabled()) {
			logger.debug("Ignored an error signalled after its call was cancelled: " + ex.getClass().getName());
		}
	};

	private static final Context CONTEXT = Context.of(ON_ERROR_DROPPED, LOG_AT_DEBUG);

	private LateErrors() {
	}

	/**
	 * The context to write under a call, e.g.
	 * {@code mono.contextWrite(LateErrors.ignored())}.
	 * @return the context
	 */
	public static Context ignored() {
		return CONTEXT;
	}

}
