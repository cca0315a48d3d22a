package dev.bentocloud.sample.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.sample.emulator.EmbeddedEmulatorConnectionDetails;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Adds {@code bentocloud} to {@code /actuator/info}: which endpoint the service talks to
 * and where its credentials came from, as the {@link BentoCloudConnectionDetails} in use
 * say. Never the token.
 */
@Component
public class BentoCloudInfoContributor implements InfoContributor {

	private final ObjectProvider<BentoCloudConnectionDetails> connectionDetails;

	private final Environment environment;

	public BentoCloudInfoContributor(ObjectProvider<BentoCloudConnectionDetails> connectionDetails,
			Environment environment) {
		this.connectionDetails = connectionDetails;
		this.environment = environment;
	}

	@Override
	public void contribute(Info.Builder builder) {
		BentoCloudConnectionDetails details = this.connectionDetails.getIfUnique();
		Map<String, Object> info = new LinkedHashMap<>();
		if (details != null) {
			info.put("endpoint", BentoCloudEndpoints.displayable(details.getEndpoint().toString()));
			info.put("credentialsSource", details.getSource());
		}
		else {
			info.put("endpoint", BentoCloudEndpoints.displayable(
					this.environment.getProperty("bentocloud.endpoint", BentoCloudEndpoints.DEFAULT_ENDPOINT)));
			// No details: bentocloud.enabled=false, nothing was resolved.
			info.put("credentialsSource", "unknown");
		}
		info.put("embeddedEmulator", details instanceof EmbeddedEmulatorConnectionDetails);
		builder.withDetail("bentocloud", info);
	}

}
