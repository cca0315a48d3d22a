package dev.bentocloud.client.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Decodes a stream of byte chunks as UTF-8 text, one string per chunk, keeping the bytes
 * of a character split across two chunks until the rest arrives (BentoML's client decodes
 * each chunk alone and breaks there). Invalid bytes become U+FFFD.
 */
final class Utf8Chunks {

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPLACE)
		.onUnmappableCharacter(CodingErrorAction.REPLACE);

	/** The bytes of an incomplete character (at most three). */
	private ByteBuffer pending = ByteBuffer.allocate(0);

	private Utf8Chunks() {
	}

	/** Decodes the chunks; each subscription has its own decoder state. */
	static Flux<String> decode(Flux<DataBuffer> chunks) {
		return Flux.defer(() -> {
			Utf8Chunks state = new Utf8Chunks();
			// map, not a prefetching operator: each buffer is decoded and released as it
			// arrives, so a cancel leaves none held in a queue
			return chunks.map((buffer) -> {
				try {
					return state.next(buffer);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			}).filter((text) -> !text.isEmpty()).concatWith(Flux.defer(() -> {
				String rest = state.finish();
				return rest.isEmpty() ? Flux.empty() : Flux.just(rest);
			}));
		});
	}

	private String next(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		ByteBuffer input = ByteBuffer.allocate(this.pending.remaining() + bytes.length);
		input.put(this.pending).put(bytes).flip();
		CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
		this.decoder.decode(input, output, false);
		this.pending = input.slice();
		return output.flip().toString();
	}

	private String finish() {
		CharBuffer output = CharBuffer.allocate(this.pending.remaining() + 2);
		this.decoder.decode(this.pending, output, true);
		this.decoder.flush(output);
		return output.flip().toString();
	}

}
