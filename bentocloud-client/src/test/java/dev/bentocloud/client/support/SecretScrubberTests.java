package dev.bentocloud.client.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SecretScrubber} masks a token wherever it stands: as it is, URL-encoded or
 * JSON-escaped.
 */
class SecretScrubberTests {

	private static final String TOKEN = "cv1a/b+c\"d\\e-0123456789";

	@Test
	void masksTheTokenAsItIsUrlEncodedAndJsonEscaped() {
		SecretScrubber scrubber = SecretScrubber.of(TOKEN);
		assertThat(scrubber.scrub("raw " + TOKEN)).isEqualTo("raw ******");
		assertThat(scrubber.scrub("?t=cv1a%2Fb%2Bc%22d%5Ce-0123456789&x")).isEqualTo("?t=******&x");
		assertThat(scrubber.scrub("{\"t\":\"cv1a\\/b+c\\\"d\\\\e-0123456789\"}")).isEqualTo("{\"t\":\"******\"}");
	}

	@Test
	void aShortTokenIsMaskedOnlyWhereItStandsAlone() {
		SecretScrubber scrubber = SecretScrubber.of("x");
		assertThat(scrubber.scrub("TimeoutException")).isEqualTo("TimeoutException");
		assertThat(scrubber.scrub("token x rejected; x")).isEqualTo("token ****** rejected; ******");
		assertThat(SecretScrubber.of("wrong").scrub("Something went wrong.")).isEqualTo("Something went ******.");
		assertThat(SecretScrubber.of("wrong").scrub("wrongly")).isEqualTo("wrongly");
		assertThat(scrubber.containsSecret("xylophone")).isFalse();
	}

	@Test
	void nullsAndBlanksAreIgnored() {
		SecretScrubber scrubber = SecretScrubber.of(null, " ", "");
		assertThat(scrubber.scrub("anything")).isEqualTo("anything");
		assertThat(scrubber.scrub(null)).isNull();
		assertThat(scrubber.toString()).doesNotContain("anything");
	}

}
