package dev.bentocloud.client.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deployed service as the tests script it: a JDK HTTP server on loopback that records
 * every request as it arrived on the socket and answers from a handler per
 * {@code METHOD /path}, so the wire is held to the contract independently of the
 * emulator. Unscripted paths answer 404 text, as BentoML does.
 */
final class ScriptedService implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	ScriptedService() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	ScriptedService on(String methodAndPath, Handler handler) {
		this.handlers.put(methodAndPath, handler);
		return this;
	}

	ScriptedService json(String methodAndPath, int status, String json) {
		return on(methodAndPath, (exchange) -> send(exchange, status, "application/json", json));
	}

	ScriptedService text(String methodAndPath, int status, String text) {
		return on(methodAndPath, (exchange) -> send(exchange, status, "text/plain; charset=utf-8", text));
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<Received> received(String methodAndPath) {
		return this.received.stream().filter((r) -> (r.method() + " " + r.path()).equals(methodAndPath)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		String path = exchange.getRequestURI().getRawPath();
		this.received.add(
				new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, body));
		Handler handler = this.handlers.get(exchange.getRequestMethod() + " " + path);
		try {
			if (handler == null) {
				send(exchange, 404, "text/plain; charset=utf-8", "Not Found");
			}
			else {
				handler.handle(exchange);
			}
		}
		catch (IOException ex) {
			// the client went away: part of several tests
		}
		finally {
			exchange.close();
		}
	}

	static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("x-bentoml-request-id", "req-42");
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** Starts a chunked answer; write and flush each chunk on the returned stream. */
	static OutputStream chunked(HttpExchange exchange, int status, String contentType) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, 0);
		return exchange.getResponseBody();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	record Received(String method, String path, String query, Map<String, String> headers, byte[] body) {

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return this.headers.get(name);
		}

	}

}
