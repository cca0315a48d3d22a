package dev.bentocloud.sample.cli;

import dev.bentocloud.client.support.BentoCloudEndpoints;

import org.springframework.core.env.Environment;

/**
 * The management endpoint in use, for dashboard links.
 */
final class CliEndpoint {

	private CliEndpoint() {
	}

	static String of(Environment environment) {
		return BentoCloudEndpoints
			.displayable(environment.getProperty("bentocloud.endpoint", BentoCloudEndpoints.DEFAULT_ENDPOINT));
	}

}
