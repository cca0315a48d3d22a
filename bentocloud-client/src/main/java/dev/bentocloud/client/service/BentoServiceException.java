package dev.bentocloud.client.service;

import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudApiException;
import org.jspecify.annotations.Nullable;

/**
 * A deployed service answered with an error status: what BentoML's client raises as
 * {@code BentoMLException} with {@code error_code}, with the request ID and the server's
 * own message and validation details.
 *
 * @since 0.1.0
 */
public class BentoServiceException extends BentoCloudApiException {

	private final @Nullable String serverMessage;

	private final List<Map<String, Object>> details;

	/**
	 * Creates an exception.
	 * @param message the message (no token)
	 * @param operation the request, e.g. {@code POST /summarize}
	 * @param statusCode the HTTP status
	 * @param requestId the {@code x-bentoml-request-id} header, or {@code null}
	 * @param bodyExcerpt the start of the body (token scrubbed)
	 * @param serverMessage the server's {@code error} message, or {@code null}
	 * @param details the validation details ({@code detail}), or an empty list
	 */
	public BentoServiceException(String message, String operation, int statusCode, @Nullable String requestId,
			String bodyExcerpt, @Nullable String serverMessage, List<Map<String, Object>> details) {
		super(message, operation, statusCode, requestId, bodyExcerpt);
		this.serverMessage = serverMessage;
		this.details = List.copyOf(details);
	}

	/**
	 * The {@code x-bentoml-request-id} the service gave the request, for its logs.
	 * @return the request ID, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return getTraceId();
	}

	/**
	 * The service's message: the {@code error} of an object body or of the first element
	 * of an array body, or a plain text body.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getServerMessage() {
		return this.serverMessage;
	}

	/**
	 * The validation details of a 400 ({@code detail}: one entry per invalid argument,
	 * with {@code loc}, {@code msg} and {@code type}).
	 * @return the details, or an empty list
	 */
	public List<Map<String, Object>> getDetails() {
		return this.details;
	}

}
