package dev.bentocloud.sample.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates as BentoML's CLI prints them: {@code yyyy-MM-dd HH:mm:ss} in tables (UTC, as the
 * server sends them) and ISO 8601 with an offset in json/yaml.
 */
final class CliDates {

	private static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	private CliDates() {
	}

	/** The table form, or {@code Never} for {@code null}. */
	static String tableOrNever(Instant instant) {
		return (instant != null) ? TABLE.format(instant) : "Never";
	}

	/** The table form, or an empty string for {@code null}. */
	static String table(Instant instant) {
		return (instant != null) ? TABLE.format(instant) : "";
	}

	/** The json/yaml form, or {@code null}. */
	static String iso(Instant instant) {
		return (instant != null) ? ISO.format(instant) : null;
	}

}
