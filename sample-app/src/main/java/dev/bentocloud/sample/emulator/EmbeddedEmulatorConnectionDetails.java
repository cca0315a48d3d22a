package dev.bentocloud.sample.emulator;

import java.net.URI;

import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

/**
 * {@link BentoCloudConnectionDetails} of the sample's emulator (profile
 * {@value EmbeddedEmulatorConfiguration#PROFILE}): its endpoint and the demo token,
 * source {@value EmbeddedEmulatorConfiguration#SOURCE}. As a bean, they replace the
 * starter's connection details from the {@code bentocloud.*} properties, so the client,
 * the health indicator and {@code /actuator/info} follow them.
 */
public final class EmbeddedEmulatorConnectionDetails implements BentoCloudConnectionDetails {

	private final URI endpoint;

	EmbeddedEmulatorConnectionDetails(String endpoint) {
		this.endpoint = URI.create(endpoint);
	}

	@Override
	public URI getEndpoint() {
		return this.endpoint;
	}

	@Override
	public String getApiToken() {
		return EmbeddedEmulatorConfiguration.DEMO_TOKEN;
	}

	@Override
	public String getSource() {
		return EmbeddedEmulatorConfiguration.SOURCE;
	}

	@Override
	public String toString() {
		return "EmbeddedEmulatorConnectionDetails[endpoint=" + this.endpoint + ", source="
				+ EmbeddedEmulatorConfiguration.SOURCE + "]";
	}

}
