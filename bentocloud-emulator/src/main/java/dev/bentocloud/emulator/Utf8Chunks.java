package dev.bentocloud.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Text chunks as UTF-8 bytes; closing closes the texts' iterator if it can be closed, so
 * that a stream whose client left can release what it holds.
 */
final class Utf8Chunks implements Iterator<byte[]>, AutoCloseable {

	private final Iterator<String> texts;

	Utf8Chunks(Iterator<String> texts) {
		this.texts = texts;
	}

	@Override
	public boolean hasNext() {
		return this.texts.hasNext();
	}

	@Override
	public byte[] next() {
		return this.texts.next().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws Exception {
		if (this.texts instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
