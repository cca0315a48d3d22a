package dev.bentocloud.emulator.http;

import java.io.IOException;

/**
 * Answers one request. Runs on the connection's own thread, which may block or sleep; an
 * {@link IOException} (a client that went away) closes the connection.
 */
@FunctionalInterface
public interface HttpHandler {

	void handle(HttpExchange exchange) throws IOException;

}
