package dev.bentocloud.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A deployed service that costs next to nothing: {@code POST /classify} answers a fixed 1
 * KB JSON object whatever it is sent, {@code POST /generate} streams {@value #CHUNKS}
 * small chunks, each flushed on its own, and {@code /schema.json} describes both, so that
 * a run measures the client.
 */
final class FixedServiceServer implements AutoCloseable {

	static final int CHUNKS = 10_000;

	static final String TOKEN = "bench-service-token";

	/** About 1 KB of JSON, as a model's answer might be. */
	static final Map<String, Object> INPUT = Map.of("text", "x".repeat(900), "max_words", 50, "lang", "en");

	private static final byte[] ANSWER = ("{\"label\":\"positive\",\"score\":0.93,\"explanation\":\"" + "y".repeat(950)
			+ "\",\"tokens\":[1,2,3,4,5]}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] SCHEMA = ("{\"name\":\"Bench\",\"type\":\"service\",\"routes\":["
			+ "{\"name\":\"classify\",\"route\":\"/classify\",\"is_task\":false,\"batchable\":false,"
			+ "\"input\":{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},\"max_words\":{\"type\":"
			+ "\"integer\"},\"lang\":{\"type\":\"string\"}},\"required\":[\"text\"]},\"output\":{\"type\":\"object\"}},"
			+ "{\"name\":\"generate\",\"route\":\"/generate\",\"is_task\":false,\"batchable\":false,"
			+ "\"input\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}},\"required\":[\"prompt\"]},"
			+ "\"output\":{\"type\":\"string\",\"is_stream\":true,\"media_type\":\"text/event-stream\"}}]}")
		.getBytes(StandardCharsets.UTF_8);

	private final LoopResources loops = LoopResources.create("fixed-service", 1, 2, true);

	private final DisposableServer server;

	private FixedServiceServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).runOn(this.loops).handle((request, response) -> {
			String path = request.uri();
			if (path.equals("/generate")) {
				return request.receive()
					.then()
					.then(response.header("Content-Type", "text/event-stream; charset=utf-8")
						.send(Flux.range(0, CHUNKS).map(FixedServiceServer::chunk), (buffer) -> true)
						.then());
			}
			byte[] body = path.equals("/schema.json") ? SCHEMA : path.equals("/classify") ? ANSWER : null;
			if (body == null) {
				return response.status(HttpResponseStatus.NOT_FOUND).send();
			}
			return request.receive()
				.then()
				.then(response.header("Content-Type", "application/json")
					.header("Content-Length", Integer.toString(body.length))
					.sendByteArray(Mono.just(body))
					.then());
		}).bindNow();
	}

	private static ByteBuf chunk(int i) {
		return Unpooled.wrappedBuffer(("token-" + i + " ").getBytes(StandardCharsets.UTF_8));
	}

	static FixedServiceServer start() {
		return new FixedServiceServer();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	static int answerBytes() {
		return ANSWER.length;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
