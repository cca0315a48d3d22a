package dev.bentocloud.spring.test.isolation;

import java.util.List;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.spring.test.isolation.OwnCredentialsApplication.PlainJavaClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The control for {@link OwnCredentialsScenario}: the same application without the
 * annotation, which does use its own credentials and BentoML's (so the counting server of
 * {@link DeveloperCredentialsTests} sees both).
 */
@SpringBootTest(classes = OwnCredentialsApplication.class)
class OwnCredentialsPlainScenario {

	@Autowired
	BlockingBentoCloudClient client;

	@Autowired
	PlainJavaClient plainJavaClient;

	@Test
	void callsWhateverTheCredentialsSay() {
		List<Runnable> calls = List.of(this.client::currentUser,
				() -> this.plainJavaClient.client().blocking().currentUser());
		for (Runnable call : calls) {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				// The counting server rejects every request:
				// only whether it was reached matters.
			}
		}
	}

}
