package dev.bentocloud.client.credentials;

import java.io.CharConversionException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.StreamReadConstraints;

/**
 * The characters of UTF-8 bytes, for the YAML parser. Bytes that are not UTF-8 fail the
 * read that reaches them, not the first one, so that the parser reports a YAML error
 * before them first, as it did with jackson-dataformat-yaml's reader. Overlong forms and
 * encoded surrogates are not UTF-8 (that reader let them through). The characters read
 * count against the document length limit.
 */
final class StrictUtf8Reader extends Reader {

	private final CharBuffer text;

	private final boolean malformed;

	private final StreamReadConstraints constraints;

	private long read;

	StrictUtf8Reader(byte[] content, StreamReadConstraints constraints) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.text = CharBuffer.allocate(content.length);
		ByteBuffer bytes = ByteBuffer.wrap(content);
		boolean valid = !decoder.decode(bytes, this.text, true).isError() && !decoder.flush(this.text).isError();
		this.malformed = !valid;
		this.text.flip();
		this.constraints = constraints;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws CharConversionException {
		if (length == 0) {
			return 0;
		}
		int available = this.text.remaining();
		if (available < length && this.malformed) {
			throw new CharConversionException("not UTF-8");
		}
		if (available == 0) {
			return -1;
		}
		int count = Math.min(length, available);
		this.text.get(buffer, offset, count);
		this.read += count;
		this.constraints.validateDocumentLength(this.read);
		return count;
	}

	@Override
	public void close() {
	}

}
