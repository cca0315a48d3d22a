package dev.bentocloud.sample.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.client.BentoCloudEndpoints;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Adds {@code bentocloud} to {@code /actuator/info}: which endpoint the service talks to
 * and where its credentials came from. Never the token.
 */
@Component
public class BentoCloudInfoContributor implements InfoContributor {

	private final Environment environment;

	public BentoCloudInfoContributor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("endpoint", BentoCloudEndpoints
			.displayable(this.environment.getProperty("bentocloud.endpoint", BentoCloudEndpoints.DEFAULT_ENDPOINT)));
		details.put("credentialsSource", this.environment.getProperty("bentocloud.credentials.source", "unknown"));
		details.put("embeddedEmulator", this.environment.getProperty("sample.emulator.endpoint") != null);
		builder.withDetail("bentocloud", details);
	}

}
