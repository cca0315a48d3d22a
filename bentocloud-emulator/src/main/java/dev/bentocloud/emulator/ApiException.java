package dev.bentocloud.emulator;

/** Ends a request with an error status and a JSON {@code message}. */
final class ApiException extends RuntimeException {

	private final int status;

	ApiException(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	Reply reply() {
		return Reply.message(this.status, getMessage());
	}

}
