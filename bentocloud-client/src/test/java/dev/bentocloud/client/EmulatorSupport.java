package dev.bentocloud.client;

import java.time.Duration;

import dev.bentocloud.emulator.BentoCloudEmulator;

/** Builds clients against a running emulator, with short backoffs so tests stay quick. */
final class EmulatorSupport {

	private EmulatorSupport() {
	}

	static BentoCloudClientBuilder clientBuilder(BentoCloudEmulator emulator) {
		return BentoCloudClient.builder()
			.endpoint(emulator.endpoint())
			.apiToken(emulator.apiToken())
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(5))
			.retry(3, Duration.ofMillis(10), Duration.ofMillis(100));
	}

	static BentoCloudClient client(BentoCloudEmulator emulator) {
		return clientBuilder(emulator).build();
	}

}
