package dev.bentocloud.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapper of the management API: snake_case keys, unknown keys ignored, and
 * datetimes read as leniently as BentoML's {@code dateutil} (ISO 8601 with or without
 * zone, or space-separated; no zone means UTC; an empty string means null).
 */
final class BentoCloudJson {

	private BentoCloudJson() {
	}

	static JsonMapper mapper() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.addModule(new SimpleModule("bentocloud").addDeserializer(Instant.class, new LenientInstantDeserializer()))
			.build();
	}

	static final class LenientInstantDeserializer extends ValueDeserializer<Instant> {

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
				return Instant.ofEpochSecond(parser.getLongValue());
			}
			String text = parser.getValueAsString();
			if (text == null || text.isBlank()) {
				return null;
			}
			Instant instant = parse(text.strip());
			if (instant == null) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text, "not a recognised datetime");
			}
			return instant;
		}

		static @Nullable Instant parse(String text) {
			String iso = (text.length() > 10 && text.charAt(10) == ' ')
					? text.substring(0, 10) + "T" + text.substring(11) : text;
			iso = iso.replace(" +", "+").replace(" -", "-").replace(" UTC", "Z");
			try {
				return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				// no zone
			}
			try {
				return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				// date only
			}
			try {
				return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

}
