package dev.bentocloud.spring.credentials;

import java.util.List;

import dev.bentocloud.client.BentoCloudCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials property source's {@code toString()} never shows the token, even with
 * its logger at DEBUG (where Spring's own {@code PropertySource} prints every value).
 */
class CredentialsPropertySourceToStringTests {

	private static final String TOKEN = "cloud-SECRET-token-42";

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@AfterEach
	void resetLevel() {
		this.loggingSystem.setLogLevel(CredentialsPropertySource.class.getName(), null);
	}

	@Test
	void namesTheKeysButNotTheToken() {
		this.loggingSystem.setLogLevel(CredentialsPropertySource.class.getName(), LogLevel.DEBUG);
		CredentialsPropertySource source = new CredentialsPropertySource(
				new BentoCloudCredentials("https://acme.cloud.bentoml.com", TOKEN, "env:BENTO_CLOUD_API_KEY",
						List.of()),
				"environment variable BENTO_CLOUD_API_ENDPOINT");
		assertThat(source.getProperty("bentocloud.api-token")).isEqualTo(TOKEN);
		assertThat(source.toString()).doesNotContain(TOKEN)
			.contains("bentocloud.api-token")
			.contains("bentocloud.endpoint");
	}

}
