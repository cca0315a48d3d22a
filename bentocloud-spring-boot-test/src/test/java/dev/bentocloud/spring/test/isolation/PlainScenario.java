package dev.bentocloud.spring.test.isolation;

import dev.bentocloud.client.BlockingBentoCloudClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The control: the same kind of test without the annotation, which does use the
 * developer's credentials (so the counting server of {@link DeveloperCredentialsTests}
 * sees it).
 */
@SpringBootTest
class PlainScenario {

	@Autowired
	BlockingBentoCloudClient client;

	@Test
	void callsWhateverTheCredentialsSay() {
		try {
			this.client.currentUser();
		}
		catch (RuntimeException ex) {
			// The counting server rejects every request:
			// only whether it was reached matters.
		}
	}

}
