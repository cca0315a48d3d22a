package dev.bentocloud.client.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link TokenExpiry}: the CLI's expiry forms (a duration or a date), read and written in
 * UTC.
 */
class TokenExpiryTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:30:00Z"), ZoneOffset.ofHours(5));

	@Test
	void durationsAreAddedToNowInUtc() {
		assertThat(TokenExpiry.parse("30d", CLOCK)).isEqualTo("2026-02-09T08:30:00Z");
		assertThat(TokenExpiry.parse("1w", CLOCK)).isEqualTo("2026-01-17T08:30:00Z");
		assertThat(TokenExpiry.parse("24h", CLOCK)).isEqualTo("2026-01-11T08:30:00Z");
		assertThat(TokenExpiry.parse(" 2D ", CLOCK)).isEqualTo("2026-01-12T08:30:00Z");
	}

	@Test
	void datesAreReadAsUtc() {
		assertThat(TokenExpiry.parse("2024-12-31", CLOCK)).isEqualTo("2024-12-31T00:00:00Z");
		assertThat(TokenExpiry.parse("2024-12-31T10:00:00", CLOCK)).isEqualTo("2024-12-31T10:00:00Z");
		assertThat(TokenExpiry.parse("2024-12-31 10:00:00", CLOCK)).isEqualTo("2024-12-31T10:00:00Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "30", "d", "30m", "-5d", "0d", "1_0d", "30 d", "2024-13-01", "2024-02-30",
			"2024-12-31T10:00", "2024-12-31T10:00:00Z", "2024-12-31 10:00:00.5", "tomorrow" })
	void rejectsAnythingElseWithTheCliMessage(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenExpiry.parse(value, CLOCK))
			.withMessage("Invalid expiration format: " + value
					+ ". Use duration (e.g., '30d', '1w', '24h') or date (e.g., '2024-12-31').");
	}

	@Test
	void rejectsNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenExpiry.parse(null))
			.withMessageStartingWith("Invalid expiration format: null.");
	}

	@Test
	void formatsForTheWireInUtcWithMicroseconds() {
		assertThat(TokenExpiry.format(Instant.parse("2026-06-01T12:30:00Z"))).isEqualTo("2026-06-01 12:30:00.000000");
		assertThat(TokenExpiry.format(Instant.parse("2026-06-01T12:30:00.123456789Z")))
			.isEqualTo("2026-06-01 12:30:00.123456");
	}

}
