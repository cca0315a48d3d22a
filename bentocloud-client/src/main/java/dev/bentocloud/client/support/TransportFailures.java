package dev.bentocloud.client.support;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Describes why no complete response arrived, in words a user can act on, without quoting
 * more of the server than the given sanitizer lets through.
 */
public final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * A short description: refused, timed out, closed or reset early, else the root
	 * cause.
	 * @param ex the failure
	 * @param safe scrubs and escapes text that may quote the server or the request
	 * @return the description
	 */
	public static String describe(Throwable ex, UnaryOperator<String> safe) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof ConnectException) {
				return "connection refused or unreachable (" + safe.apply(String.valueOf(cause.getMessage())) + ")";
			}
			if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return "timed out (" + cause.getClass().getSimpleName() + ")";
			}
			if (cause.getClass().getSimpleName().equals("PrematureCloseException")) {
				return "connection closed before the response was complete";
			}
			if (cause instanceof IOException && cause.getMessage() != null
					&& cause.getMessage().contains("Connection reset")) {
				return "connection reset before the response was complete";
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return safe.apply(rootMessage(ex));
	}

	/**
	 * Whether {@code ex} or one of its causes is a {@code type}.
	 * @param ex the failure
	 * @param type the type to look for
	 * @return whether it was found
	 */
	public static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The innermost cause as {@code SimpleName: message}.
	 * @param ex the failure
	 * @return the description, unsanitized
	 */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
