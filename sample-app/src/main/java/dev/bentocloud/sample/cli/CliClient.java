package dev.bentocloud.sample.cli;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BlockingBentoCloudClient;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Gets the auto-configured client, or explains why there is none (for example
 * {@code bentocloud.enabled=false}).
 */
final class CliClient {

	private CliClient() {
	}

	static BlockingBentoCloudClient require(ObjectProvider<BentoCloudClient> client) {
		BentoCloudClient available = client.getIfAvailable();
		if (available == null) {
			throw new CliException("No BentoCloud client is configured. Check that bentocloud.enabled is not false, "
					+ "then run `bentoml cloud login` or set BENTO_CLOUD_API_KEY.");
		}
		return available.blocking();
	}

}
