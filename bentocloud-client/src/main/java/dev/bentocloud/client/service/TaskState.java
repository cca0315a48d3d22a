package dev.bentocloud.client.service;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The states of a BentoML task.
 *
 * @since 0.1.0
 */
public enum TaskState {

	/** Accepted, not started. */
	PENDING,

	/** Running. */
	IN_PROGRESS,

	/** Finished with a result. */
	COMPLETED,

	/** Finished with an error. */
	FAILED,

	/** Canceled before it finished. */
	CANCELED,

	/** A state this client does not know (a newer BentoML): polling goes on. */
	UNKNOWN;

	/**
	 * The state for the service's word, e.g. {@code in_progress}.
	 * @param value the service's word
	 * @return the state, {@link #UNKNOWN} for any other word
	 */
	public static TaskState from(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		if (normalized.equals("CANCELLED")) {
			return CANCELED;
		}
		for (TaskState state : values()) {
			if (state.name().equals(normalized)) {
				return state;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Whether a task in this state will not change any more.
	 * @return whether it is finished
	 */
	public boolean isFinished() {
		return this == COMPLETED || this == FAILED || this == CANCELED;
	}

}
