package dev.bentocloud.emulator.server;

/** Ends a request with an error status and a JSON {@code message}. */
final class ApiException extends RuntimeException {

	private final int status;

	private final String message;

	ApiException(int status, String message) {
		super(message, null, false, false);
		this.status = status;
		this.message = message;
	}

	Reply reply() {
		return Reply.message(this.status, this.message);
	}

}
