package dev.bentocloud.client.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ControlCharacters}: control and bidirectional characters escaped, long text cut.
 */
class ControlCharactersTests {

	@Test
	void escapesC0C1DelAndLineSeparatorsAndKeepsOtherText() {
		assertThat(ControlCharacters.escape("a\r\nb\tc\u001b[2J\u0007\u007f\u009b\u2028\u202eé漢字🙂"))
			.isEqualTo("a\\u000d\\u000ab\\u0009c\\u001b[2J\\u0007\\u007f\\u009b\\u2028\\u202eé漢字🙂");
		assertThat(ControlCharacters.escape("plain")).isSameAs("plain");
		assertThat(ControlCharacters.escape(null)).isNull();
	}

	@Test
	void longTextIsCutWithItsLength() {
		assertThat(ControlCharacters.escape("x".repeat(200_000), 10)).isEqualTo("xxxxxxxxxx\u2026 (200000 characters)");
		assertThat(ControlCharacters.escape("short", 10)).isEqualTo("short");
	}

}
