package dev.bentocloud.sample.emulator;

import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Without profile {@value EmbeddedEmulatorConfiguration#PROFILE} and without credentials,
 * adds one line to the starter's guidance: how to try the sample without an account.
 */
@Component
@Profile("!" + EmbeddedEmulatorConfiguration.PROFILE)
class NoCredentialsHint implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(NoCredentialsHint.class);

	private final ObjectProvider<BentoCloudConnectionDetails> connectionDetails;

	NoCredentialsHint(ObjectProvider<BentoCloudConnectionDetails> connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		BentoCloudConnectionDetails details = this.connectionDetails.getIfUnique();
		if (details != null && details.getApiToken() == null) {
			logger.warn("To try the sample without a BentoCloud account, run it with --spring.profiles.active="
					+ EmbeddedEmulatorConfiguration.PROFILE + " (a seeded emulator, no token needed)");
		}
	}

}
