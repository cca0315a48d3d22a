package dev.bentocloud.sample.cli;

import org.springframework.core.env.Environment;

/**
 * The management endpoint in use, for dashboard links.
 */
final class CliEndpoint {

	private static final String DEFAULT = "https://cloud.bentoml.com";

	private CliEndpoint() {
	}

	static String of(Environment environment) {
		return environment.getProperty("bentocloud.endpoint", DEFAULT);
	}

}
