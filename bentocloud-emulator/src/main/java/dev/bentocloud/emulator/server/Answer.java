package dev.bentocloud.emulator.server;

import java.util.Map;

/**
 * An answer to one request: a complete {@link Reply}, or a {@link StreamedReply} whose
 * body is written as it is produced.
 */
sealed interface Answer permits Reply, StreamedReply {

	int status();

	String contentType();

	Map<String, String> headers();

	/** The same answer with these headers added (replacing ones of the same name). */
	Answer withHeaders(Map<String, String> extra);

}
