package com.example.greeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands for the developer's real BentoCloud account: listens where
 * {@code BENTO_CLOUD_API_ENDPOINT} (and the {@code .yatai.yaml} context) point, answers
 * every request with 401 and records it.
 */
final class DeveloperAccount {

	private static DeveloperAccount instance;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private DeveloperAccount() {
		URI endpoint = URI.create(System.getenv("BENTO_CLOUD_API_ENDPOINT"));
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 0);
			server.createContext("/", (exchange) -> {
				this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " token="
						+ exchange.getRequestHeaders().getFirst("X-YATAI-API-TOKEN"));
				byte[] body = "{\"error\":\"bad credentials\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(401, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on " + endpoint + " (set -Ddeveloper-account.port)", ex);
		}
	}

	static synchronized DeveloperAccount get() {
		if (instance == null) {
			instance = new DeveloperAccount();
		}
		return instance;
	}

	List<String> requests() {
		return List.copyOf(this.requests);
	}

}
