package dev.bentocloud.sample.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@link CliServices} from a Spring context: the auto-configured client, the connection
 * details it was built with (the starter's from the properties, or the sample's
 * emulator), and the environment when there are none ({@code bentocloud.enabled=false}).
 */
final class SpringCliServices implements CliServices {

	private final ObjectProvider<BentoCloudClient> client;

	private final ObjectProvider<BentoCloudConnectionDetails> connectionDetails;

	private final ObjectProvider<BentoCloudClientBuilder> clientBuilder;

	private final ConfigurableEnvironment environment;

	SpringCliServices(ObjectProvider<BentoCloudClient> client,
			ObjectProvider<BentoCloudConnectionDetails> connectionDetails,
			ObjectProvider<BentoCloudClientBuilder> clientBuilder, ConfigurableEnvironment environment) {
		this.client = client;
		this.connectionDetails = connectionDetails;
		this.clientBuilder = clientBuilder;
		this.environment = environment;
	}

	@Override
	public BlockingBentoCloudClient client() {
		return CliClient.require(this.client);
	}

	@Override
	public String endpoint() {
		BentoCloudConnectionDetails details = this.connectionDetails.getIfUnique();
		return (details != null) ? BentoCloudEndpoints.displayable(details.getEndpoint().toString())
				: CliEndpoint.of(this.environment);
	}

	@Override
	public @Nullable String credentialsSource() {
		BentoCloudConnectionDetails details = this.connectionDetails.getIfUnique();
		// No details: bentocloud.enabled=false, nothing was resolved.
		return (details != null) ? details.getSource() : null;
	}

	@Override
	public List<@Nullable String> secrets() {
		BentoCloudConnectionDetails details = this.connectionDetails.getIfUnique();
		return Arrays.asList(this.environment.getProperty("bentocloud.api-token"),
				this.environment.getProperty("bentocloud.service.token"),
				(details != null) ? details.getApiToken() : null);
	}

	@Override
	public CloudContexts cloudContexts() {
		return CloudContexts.of(this.environment);
	}

	@Override
	public BentoCloudClientBuilder clientBuilder() {
		return this.clientBuilder.getIfAvailable(BentoCloudClient::builder);
	}

	@Override
	public Duration tokenReadTimeout() {
		return TokenInput.readTimeout(this.environment);
	}

}
