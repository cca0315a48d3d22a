package dev.bentocloud.spring.test.emulator;

import java.net.URI;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

/**
 * {@link BentoCloudConnectionDetails} of an emulator in the test JVM: its endpoint and
 * its demo user's token, source {@value #SOURCE}.
 *
 * @since 0.1.0
 */
final class EmulatorBentoCloudConnectionDetails implements BentoCloudConnectionDetails {

	/** The source reported in logs and health details. */
	static final String SOURCE = "emulator";

	private final BentoCloudEmulator emulator;

	EmulatorBentoCloudConnectionDetails(BentoCloudEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public URI getEndpoint() {
		return URI.create(this.emulator.endpoint());
	}

	@Override
	public String getApiToken() {
		return this.emulator.apiToken();
	}

	@Override
	public String getSource() {
		return SOURCE;
	}

	@Override
	public String toString() {
		return "EmulatorBentoCloudConnectionDetails[endpoint=" + this.emulator.endpoint() + ", source=" + SOURCE + "]";
	}

}
