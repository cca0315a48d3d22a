package dev.bentocloud.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body written as it is produced: every write goes out at once. Closing it
 * ends the response and tells the exchange whether the body was whole.
 */
abstract class StreamedBody extends OutputStream {

	/** Told once, when the body is closed: whether it was whole. */
	interface Ending {

		void ended(boolean whole);

	}

	final OutputStream out;

	private final Ending ending;

	private boolean closed;

	StreamedBody(OutputStream out, Ending ending) {
		this.out = out;
		this.ending = ending;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.closed) {
			throw new IOException("The body was closed");
		}
		if (length > 0) {
			writePiece(bytes, offset, length);
			this.out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (!this.closed) {
			this.closed = true;
			boolean whole = finish();
			this.out.flush();
			this.ending.ended(whole);
		}
	}

	abstract void writePiece(byte[] bytes, int offset, int length) throws IOException;

	/** Ends the body on the wire; whether it was whole. */
	abstract boolean finish() throws IOException;

	/** {@code Transfer-Encoding: chunked}: each write is one chunk. */
	static final class Chunked extends StreamedBody {

		private static final byte[] CRLF = { '\r', '\n' };

		private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

		Chunked(OutputStream out, Ending ending) {
			super(out, ending);
		}

		@Override
		void writePiece(byte[] bytes, int offset, int length) throws IOException {
			this.out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			this.out.write(bytes, offset, length);
			this.out.write(CRLF);
		}

		@Override
		boolean finish() throws IOException {
			this.out.write(LAST);
			return true;
		}

	}

	/** A body of a promised {@code Content-Length}. */
	static final class FixedLength extends StreamedBody {

		private long remaining;

		FixedLength(OutputStream out, long length, Ending ending) {
			super(out, ending);
			this.remaining = length;
		}

		@Override
		void writePiece(byte[] bytes, int offset, int length) throws IOException {
			if (length > this.remaining) {
				throw new IOException("More bytes than the Content-Length promised");
			}
			this.out.write(bytes, offset, length);
			this.remaining -= length;
		}

		@Override
		boolean finish() {
			return this.remaining == 0;
		}

	}

	/** A body that ends where the connection does (HTTP/1.0). */
	static final class UntilClose extends StreamedBody {

		UntilClose(OutputStream out, Ending ending) {
			super(out, ending);
		}

		@Override
		void writePiece(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		boolean finish() {
			return true;
		}

	}

}
