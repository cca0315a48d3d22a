package dev.bentocloud.emulator.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer whose body is written piece by piece as it is produced, each piece flushed:
 * chunked when {@code contentLength} is negative, else with that Content-Length (a large
 * generated file). A client that goes away fails the next write, which stops the
 * production.
 */
record StreamedReply(int status, String contentType, Map<String, String> headers, long contentLength,
		Body body) implements Answer {

	@Override
	public StreamedReply withHeaders(Map<String, String> extra) {
		Map<String, String> merged = new LinkedHashMap<>(this.headers);
		merged.putAll(extra);
		return new StreamedReply(this.status, this.contentType, merged, this.contentLength, this.body);
	}

	/** A body produced while it is written; it can be written once. */
	@FunctionalInterface
	interface Body {

		/**
		 * Writes the body to {@code out}, whose every write goes out at once; stops on
		 * the first {@link IOException} and releases what it holds either way.
		 */
		void writeTo(OutputStream out) throws IOException;

	}

}
