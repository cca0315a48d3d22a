package dev.bentocloud.sample.web;

import java.util.concurrent.atomic.AtomicLong;

import dev.bentocloud.sample.TerminalText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Relays a service's text stream as server-sent events: one event per chunk, its text as
 * the event's data, written as it arrives. Spring's SSE writer frames the data (a line
 * break in a chunk becomes a second {@code data:} line, which the browser joins back);
 * nothing else is escaped, so the browser sees the service's text as sent.
 * <p>
 * A failure before the first event propagates, so that the caller gets a problem detail
 * with the right status. After it, the response is already {@code 200 text/event-stream}:
 * the failure ends the stream with one {@code event: error} whose data says what went
 * wrong, rather than a connection that just drops (which {@code EventSource} would retry
 * at once).
 * <p>
 * When the caller goes away, cancelling the relay cancels the service's stream and so
 * closes the connection to the service.
 */
final class ServerSentEvents {

	/** The name of the event that ends a stream that failed after its first event. */
	static final String ERROR_EVENT = "error";

	private static final Log logger = LogFactory.getLog(ServerSentEvents.class);

	private ServerSentEvents() {
	}

	static Flux<ServerSentEvent<String>> relay(String route, Flux<String> chunks) {
		return Flux.defer(() -> {
			AtomicLong sent = new AtomicLong();
			return chunks.map((chunk) -> ServerSentEvent.builder(chunk).build())
				.doOnNext((event) -> sent.incrementAndGet())
				.onErrorResume((ex) -> sent.get() > 0, (ex) -> Mono.just(failed(route, sent.get(), ex)))
				.doFinally((signal) -> {
					if (logger.isDebugEnabled()) {
						logger.debug("Stream " + route + " ended (" + signal + ") after " + sent.get() + " events");
					}
				});
		});
	}

	private static ServerSentEvent<String> failed(String route, long sent, Throwable ex) {
		// The client's messages carry no token; escaped for the log, as a service
		// may put control characters in its own messages.
		String message = String.valueOf(ex.getMessage());
		logger.warn("Stream " + route + " failed after " + sent + " events: " + TerminalText.line(message));
		return ServerSentEvent.<String>builder().event(ERROR_EVENT).data(message).build();
	}

}
