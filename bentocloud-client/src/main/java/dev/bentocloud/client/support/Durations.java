package dev.bentocloud.client.support;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * The one check of timeouts and other durations that must be longer than zero.
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Whether the duration is longer than zero.
	 * @param duration the duration, may be {@code null}
	 * @return {@code true} when it is not {@code null}, zero or negative
	 */
	@Contract("null -> false")
	public static boolean isPositive(@Nullable Duration duration) {
		return duration != null && duration.compareTo(Duration.ZERO) > 0;
	}

	/**
	 * The duration, checked to be longer than zero.
	 * @param duration the duration
	 * @param name what it is, for the message
	 * @return the duration
	 * @throws IllegalArgumentException when it is {@code null}, zero or negative
	 */
	public static Duration requirePositive(@Nullable Duration duration, String name) {
		if (duration == null || !isPositive(duration)) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return duration;
	}

}
