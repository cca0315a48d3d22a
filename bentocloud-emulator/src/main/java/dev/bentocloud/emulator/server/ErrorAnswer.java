package dev.bentocloud.emulator.server;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A handler's error answer with exactly this status, content type and body: how the
 * server receives a {@link dev.bentocloud.emulator.ServiceErrorAnswer}. Not API.
 */
public final class ErrorAnswer extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final int status;

	private final String contentType;

	private final byte[] body;

	public ErrorAnswer(int status, String contentType, byte[] body) {
		// The message is the body's text: a failed task reports it as its error.
		super(new String(body, StandardCharsets.UTF_8), null, false, false);
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	Reply reply() {
		return new Reply(this.status, this.contentType, this.body, Map.of());
	}

}
