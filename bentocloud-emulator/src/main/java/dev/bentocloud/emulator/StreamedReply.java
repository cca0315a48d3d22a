package dev.bentocloud.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;

/**
 * An answer whose body is written piece by piece as it is produced, each piece flushed:
 * chunked when {@code contentLength} is negative, else with that Content-Length (a large
 * generated file). Cancelling the body (a client that went away) stops its production.
 */
record StreamedReply(int status, String contentType, Map<String, String> headers, long contentLength,
		Flux<ByteBuf> body) implements Answer {

	@Override
	public StreamedReply withHeaders(Map<String, String> extra) {
		Map<String, String> merged = new LinkedHashMap<>(this.headers);
		merged.putAll(extra);
		return new StreamedReply(this.status, this.contentType, merged, this.contentLength, this.body);
	}

}
