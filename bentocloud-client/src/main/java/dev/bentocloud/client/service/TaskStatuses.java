package dev.bentocloud.client.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads a task status answer; timestamps with or without a zone (none means UTC), or
 * absent.
 */
final class TaskStatuses {

	private TaskStatuses() {
	}

	static TaskStatus from(Map<String, Object> answer, String taskId) {
		Object id = answer.get("task_id");
		return new TaskStatus((id != null) ? String.valueOf(id) : taskId,
				TaskState.from((answer.get("status") != null) ? String.valueOf(answer.get("status")) : null),
				instant(answer.get("created_at")), instant(answer.get("executed_at")));
	}

	static @Nullable Instant instant(@Nullable Object value) {
		if (value instanceof Number seconds) {
			return Instant.ofEpochMilli((long) (seconds.doubleValue() * 1000));
		}
		if (!(value instanceof String text) || text.isBlank()) {
			return null;
		}
		String iso = text.strip().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			// no zone: UTC
		}
		try {
			return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
