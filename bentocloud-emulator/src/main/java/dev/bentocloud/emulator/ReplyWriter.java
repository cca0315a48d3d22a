package dev.bentocloud.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Writes answers to the wire: normally, dripping, or cut off. */
final class ReplyWriter {

	/** How much of a streamed answer a fault that needs the whole body reads. */
	static final int MAX_COLLECTED = 1024 * 1024;

	private ReplyWriter() {
	}

	static Mono<Void> send(HttpServerResponse response, Answer answer) {
		response.status(HttpResponseStatus.valueOf(answer.status()));
		answer.headers().forEach(response::header);
		response.header(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
		if (answer instanceof StreamedReply streamed) {
			if (streamed.contentLength() >= 0) {
				response.responseHeaders().remove(HttpHeaderNames.TRANSFER_ENCODING);
				response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(streamed.contentLength()));
			}
			else {
				response.responseHeaders().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
			}
			// Flushed piece by piece: a stream's client sees each chunk as it is
			// produced.
			return response.send(streamed.body(), (buffer) -> true).then();
		}
		Reply reply = (Reply) answer;
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(reply.body().length));
		return response.sendByteArray(Mono.just(reply.body())).then();
	}

	/**
	 * The answer as a complete reply; a streamed body is read up to
	 * {@link #MAX_COLLECTED} bytes (an endless stream is cut there).
	 */
	static Mono<Reply> complete(Answer answer) {
		if (answer instanceof Reply reply) {
			return Mono.just(reply);
		}
		StreamedReply streamed = (StreamedReply) answer;
		ByteArrayOutputStream collected = new ByteArrayOutputStream();
		return streamed.body()
			.takeUntil((buffer) -> collected.size() + buffer.readableBytes() >= MAX_COLLECTED)
			.doOnNext((buffer) -> collected.writeBytes(ByteBufUtil.getBytes(buffer)))
			.doOnNext(ByteBuf::release)
			.then(Mono.fromCallable(() -> new Reply(streamed.status(), streamed.contentType(),
					Arrays.copyOf(collected.toByteArray(), Math.min(collected.size(), MAX_COLLECTED)),
					streamed.headers())));
	}

	/**
	 * The answer's head with its full Content-Length, then the body one byte per
	 * interval.
	 */
	static Mono<Void> sendDripping(HttpServerResponse response, Reply reply, Duration interval) {
		response.status(HttpResponseStatus.valueOf(reply.status()));
		reply.headers().forEach(response::header);
		response.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(reply.body().length));
		byte[] body = reply.body();
		return response
			.send(Flux.interval(interval).take(body.length).map((i) -> Unpooled.wrappedBuffer(body, i.intValue(), 1)),
					(buffer) -> true)
			.then();
	}

	/**
	 * Writes the status line, headers and half of the body straight to the socket (below
	 * the HTTP codec, which would otherwise complete the message) and then closes the
	 * connection, so a client sees a premature end of a body whose Content-Length
	 * promised more. With {@code reset} the close is a TCP reset (SO_LINGER 0) instead of
	 * an orderly FIN.
	 */
	static Mono<Void> sendTruncated(HttpServerResponse response, Reply full, Map<String, String> extraHeaders,
			boolean reset) {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(HttpResponseStatus.valueOf(full.status()))
			.append("\r\n");
		full.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Type: ").append(full.contentType()).append("\r\n");
		head.append("Content-Length: ").append(full.body().length + 1).append("\r\n\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] half = Arrays.copyOf(full.body(), full.body().length / 2);
		return Mono.create((sink) -> response.withConnection((connection) -> {
			Channel channel = connection.channel();
			channel.closeFuture().addListener((closed) -> sink.success());
			channel.pipeline()
				.firstContext()
				.writeAndFlush(Unpooled.wrappedBuffer(headBytes, half))
				.addListener((ChannelFutureListener) (written) -> {
					if (reset) {
						written.channel().config().setOption(ChannelOption.SO_LINGER, 0);
					}
					written.channel().close();
				});
		}));
	}

}
