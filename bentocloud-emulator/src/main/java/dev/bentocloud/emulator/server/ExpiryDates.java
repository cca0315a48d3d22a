package dev.bentocloud.emulator.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Reads a token's {@code expired_at} in the forms clients send. */
final class ExpiryDates {

	/**
	 * The naive form the Python client sends ("2026-06-01 12:30:00.000000"), also with a
	 * T.
	 */
	private static final DateTimeFormatter NAIVE = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.append(DateTimeFormatter.ofPattern("HH:mm[:ss]"))
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private ExpiryDates() {
	}

	/**
	 * ISO-8601 with a zone, naive (UTC) date-time, or a date; {@code null} for none.
	 * @throws ApiException (400) for anything else
	 */
	static @Nullable Instant parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not ISO with a zone; try the naive forms below (read as UTC)
		}
		try {
			return LocalDateTime.parse(value, NAIVE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// nor naive date-time
		}
		try {
			return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new ApiException(400,
					"expired_at '" + value
							+ "' is not a date-time: use \"YYYY-MM-DD HH:MM:SS.ffffff\" (UTC), ISO-8601 such as"
							+ " \"2026-06-01T12:30:00Z\", or null for a token that never expires");
		}
	}

}
