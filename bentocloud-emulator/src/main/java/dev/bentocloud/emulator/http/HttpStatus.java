package dev.bentocloud.emulator.http;

/** Reason phrases of the status lines the emulator writes. */
public final class HttpStatus {

	private HttpStatus() {
	}

	/** The reason phrase of a status, e.g. "Not Found" for 404. */
	public static String reason(int status) {
		return switch (status) {
			case 100 -> "Continue";
			case 200 -> "OK";
			case 201 -> "Created";
			case 202 -> "Accepted";
			case 204 -> "No Content";
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 303 -> "See Other";
			case 304 -> "Not Modified";
			case 307 -> "Temporary Redirect";
			case 308 -> "Permanent Redirect";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 408 -> "Request Timeout";
			case 409 -> "Conflict";
			case 410 -> "Gone";
			case 413 -> "Content Too Large";
			case 415 -> "Unsupported Media Type";
			case 422 -> "Unprocessable Content";
			case 429 -> "Too Many Requests";
			case 431 -> "Request Header Fields Too Large";
			case 500 -> "Internal Server Error";
			case 501 -> "Not Implemented";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> (status < 200) ? "Informational" : (status < 300) ? "Success"
					: (status < 400) ? "Redirection" : (status < 500) ? "Client Error" : "Server Error";
		};
	}

}
