package dev.bentocloud.client.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses API token expirations the way {@code bentoml api-token create --expires} does,
 * and formats them for the wire.
 * <p>
 * Accepted: a positive duration in days, weeks or hours ({@code 30d}, {@code 1w},
 * {@code 24h}, case-insensitive), or a date {@code 2024-12-31},
 * {@code 2024-12-31T10:00:00} or {@code 2024-12-31 10:00:00}. Anything else, including
 * blank text, is rejected with an {@link IllegalArgumentException}.
 * <p>
 * <b>Time zone: UTC.</b> The wire format ({@code YYYY-MM-DD HH:MM:SS.ffffff}) carries no
 * zone, and the server reads it as UTC. The Python CLI uses the machine's local time, so
 * the same {@code 30d} or {@code 2024-12-31} means different instants on a laptop and in
 * a UTC CI container. Here durations are added to the current instant and written in UTC,
 * and dates without a zone are read as UTC, so a value means the same on every machine.
 */
public final class TokenExpiry {

	private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([dwh])", Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final List<DateTimeFormatter> DATE_TIMES = List.of(
			DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT));

	/** The format of {@code expired_at} in request bodies (contract 2.5). */
	private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private TokenExpiry() {
	}

	/** Parses an expiration relative to the current time. */
	public static Instant parse(@Nullable String value) {
		return parse(value, Clock.systemUTC());
	}

	/** Parses an expiration, with durations counted from {@code clock}'s instant. */
	public static Instant parse(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			throw invalid(value);
		}
		String text = value.strip();
		Matcher duration = DURATION.matcher(text);
		if (duration.matches()) {
			long amount = Long.parseLong(duration.group(1));
			if (amount == 0) {
				throw invalid(value);
			}
			Duration unit = switch (Character.toLowerCase(duration.group(2).charAt(0))) {
				case 'd' -> Duration.ofDays(1);
				case 'w' -> Duration.ofDays(7);
				default -> Duration.ofHours(1);
			};
			return clock.instant().plus(unit.multipliedBy(amount));
		}
		try {
			return LocalDate.parse(text, DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try the date-time forms
		}
		for (DateTimeFormatter format : DATE_TIMES) {
			try {
				return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		throw invalid(value);
	}

	/**
	 * Formats an instant as BentoCloud expects in request bodies, in UTC:
	 * {@code 2026-06-01 12:30:00.000000}.
	 */
	public static String format(Instant instant) {
		return WIRE.format(instant);
	}

	private static IllegalArgumentException invalid(@Nullable String value) {
		return new IllegalArgumentException("Invalid expiration format: " + value
				+ ". Use duration (e.g., '30d', '1w', '24h') or date (e.g., '2024-12-31').");
	}

}
