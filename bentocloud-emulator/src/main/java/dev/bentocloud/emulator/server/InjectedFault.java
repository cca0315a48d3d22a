package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fault a request gets: what a {@link dev.bentocloud.emulator.FaultRule} does, read
 * when the rule claimed the request. Not API.
 *
 * @param action what to do
 * @param status the status of a {@code RESPOND} or {@code REDIRECT}
 * @param body a {@code RESPOND}'s exact body, or {@code null} for a JSON message
 * @param delay how long to wait before the first byte
 * @param location a {@code REDIRECT}'s location
 * @param contentType a {@code RESPOND}'s content type, or {@code null} for JSON
 * @param dripInterval a {@code DRIP}'s pause between bytes
 * @param ignoreStart whether a list endpoint answers its first page whatever
 * {@code start} says
 * @param total a list's {@code total} to answer instead of the real one
 * @param headers headers to add to the fault's answer
 */
public record InjectedFault(FaultAction action, int status, @Nullable String body, Duration delay,
		@Nullable String location, @Nullable String contentType, @Nullable Duration dripInterval, boolean ignoreStart,
		@Nullable Integer total, Map<String, String> headers) {

	public InjectedFault {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

}
