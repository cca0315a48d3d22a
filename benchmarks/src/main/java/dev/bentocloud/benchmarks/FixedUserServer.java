package dev.bentocloud.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.bentocloud.emulator.BentoCloudEmulator;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A loopback server that answers {@code GET /api/v1/auth/current} (and
 * {@code current_org}) with fixed bytes: the emulator's own answers, captured once. It
 * does no token lookup, no JSON writing and no request recording, so the client, not the
 * server, is what a throughput run measures. It counts every request it sees, which makes
 * it the witness that startup calls nothing.
 */
final class FixedUserServer implements AutoCloseable {

	static final String TOKEN_HEADER = "X-YATAI-API-TOKEN";

	private final LoopResources loops = LoopResources.create("fixed-server", 1, 2, true);

	private final DisposableServer server;

	private final String token;

	private final byte[] user;

	private final byte[] organization;

	private final AtomicLong requests = new AtomicLong();

	private FixedUserServer(String token, byte[] user, byte[] organization) {
		this.token = token;
		this.user = user;
		this.organization = organization;
		byte[] unauthorized = "{\"message\":\"Bad credentials\"}".getBytes(StandardCharsets.UTF_8);
		this.server = HttpServer.create().host("127.0.0.1").port(0).runOn(this.loops).handle((request, response) -> {
			this.requests.incrementAndGet();
			boolean authorized = this.token.equals(request.requestHeaders().get(TOKEN_HEADER));
			byte[] bytes = !authorized ? unauthorized : request.uri().startsWith("/api/v1/auth/current") ? this.user
					: request.uri().startsWith("/api/v1/current_org") ? this.organization : null;
			boolean ok = bytes != null && bytes != unauthorized;
			bytes = (bytes != null) ? bytes : unauthorized;
			return response.status(ok ? HttpResponseStatus.OK : HttpResponseStatus.UNAUTHORIZED)
				.header("Content-Type", "application/json")
				.header("Content-Length", Integer.toString(bytes.length))
				.sendByteArray(Mono.just(bytes))
				.then();
		}).bindNow();
	}

	/**
	 * Starts a server serving what a fresh emulator answers for its demo user and
	 * organization.
	 */
	static FixedUserServer start() {
		try (BentoCloudEmulator emulator = BentoCloudEmulator.start()) {
			HttpClient client = HttpClient.create()
				.baseUrl(emulator.endpoint())
				.headers((h) -> h.set(TOKEN_HEADER, emulator.apiToken()));
			return new FixedUserServer(emulator.apiToken(), fetch(client, "/api/v1/auth/current"),
					fetch(client, "/api/v1/current_org"));
		}
	}

	private static byte[] fetch(HttpClient client, String path) {
		return client.get()
			.uri(path)
			.responseSingle((response, content) -> content.asByteArray())
			.block(Duration.ofSeconds(10));
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.port();
	}

	String token() {
		return this.token;
	}

	/** Every request seen so far, whatever its path or token. */
	long requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

}
