package dev.bentocloud.sample.cli;

import java.util.Arrays;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BlockingBentoCloudClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * {@link CliServices} from a Spring context: the auto-configured client and the
 * environment.
 */
final class SpringCliServices implements CliServices {

	private final ObjectProvider<BentoCloudClient> client;

	private final Environment environment;

	SpringCliServices(ObjectProvider<BentoCloudClient> client, Environment environment) {
		this.client = client;
		this.environment = environment;
	}

	@Override
	public BlockingBentoCloudClient client() {
		return CliClient.require(this.client);
	}

	@Override
	public String endpoint() {
		return CliEndpoint.of(this.environment);
	}

	@Override
	public @Nullable String credentialsSource() {
		return this.environment.getProperty("bentocloud.credentials.source");
	}

	@Override
	public List<@Nullable String> secrets() {
		return Arrays.asList(this.environment.getProperty("bentocloud.api-token"),
				this.environment.getProperty("bentocloud.service.token"));
	}

}
