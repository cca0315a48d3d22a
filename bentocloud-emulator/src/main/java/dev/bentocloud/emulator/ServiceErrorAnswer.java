package dev.bentocloud.emulator;

import java.io.Serial;
import java.nio.charset.StandardCharsets;

import dev.bentocloud.emulator.server.ErrorAnswer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thrown by a route's handler to answer an error with exactly this status and body, e.g.
 * {@code throw ServiceErrorAnswer.json(500, List.of(Map.of("error", "boom")))} for the
 * JSON array body BentoML sometimes sends. In a task, it makes the task fail with the
 * body's text as its error.
 */
public final class ServiceErrorAnswer extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final int status;

	private final String contentType;

	private final byte[] body;

	private ServiceErrorAnswer(int status, String contentType, byte[] body) {
		super(new String(body, StandardCharsets.UTF_8), null, false, false);
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
		}
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	/**
	 * An error answered as {@code application/json}.
	 * @param status the HTTP status
	 * @param body serialized by Jackson: a {@code Map} for an object, a {@code List} for
	 * an array, a record, ...
	 * @return the exception to throw
	 */
	public static ServiceErrorAnswer json(int status, Object body) {
		return new ServiceErrorAnswer(status, "application/json", JsonMapper.shared().writeValueAsBytes(body));
	}

	/**
	 * An error answered as {@code text/plain; charset=utf-8}.
	 * @param status the HTTP status
	 * @param body the exact text
	 * @return the exception to throw
	 */
	public static ServiceErrorAnswer text(int status, String body) {
		return new ServiceErrorAnswer(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
	}

	/** The same answer, as the server takes it. */
	ErrorAnswer toServer() {
		return new ErrorAnswer(this.status, this.contentType, this.body);
	}

}
