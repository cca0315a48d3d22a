package dev.bentocloud.sample.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * {@link CliServices} without Spring: clients built with
 * {@link BentoCloudClient#builder()} on the JDK's HTTP client (no Netty start-up), from
 * credentials {@link LeanCli} resolved, and the settings it read. The {@code cloud}
 * commands get no credentials, as on the Spring path, where they run without BentoML's
 * credential sources. The client is built on first use, so usage errors cost no client.
 */
final class LeanCliServices implements CliServices {

	private final LeanCliSettings settings;

	private final @Nullable BentoCloudCredentials credentials;

	private @Nullable BlockingBentoCloudClient client;

	/**
	 * Services from these settings.
	 * @param settings what the lean path read
	 * @param credentials the resolved credentials, or {@code null} for the {@code cloud}
	 * commands
	 */
	LeanCliServices(LeanCliSettings settings, @Nullable BentoCloudCredentials credentials) {
		this.settings = settings;
		this.credentials = credentials;
	}

	@Override
	public BlockingBentoCloudClient client() {
		if (this.credentials == null) {
			throw new IllegalStateException("No credentials were resolved for this command");
		}
		if (this.client == null) {
			this.client = clientBuilder().credentials(this.credentials).build().blocking();
		}
		return this.client;
	}

	@Override
	public String endpoint() {
		return BentoCloudEndpoints
			.displayable((this.credentials != null) ? this.credentials.endpoint() : this.settings.springEndpoint());
	}

	@Override
	public @Nullable String credentialsSource() {
		return (this.credentials != null) ? this.credentials.source() : null;
	}

	@Override
	public List<@Nullable String> secrets() {
		return Arrays.asList((this.credentials != null) ? this.credentials.apiToken()
				: this.settings.property(LeanCliSettings.API_TOKEN));
	}

	@Override
	public CloudContexts cloudContexts() {
		return new CloudContexts(this.settings.property(LeanCliSettings.CONFIG_FILE),
				BentoMlEnvironment.of(this.settings.environment()));
	}

	@Override
	public BentoCloudClientBuilder clientBuilder() {
		return BentoCloudClient.builder().connectorFactory(BentoCloudConnectorFactory.jdk());
	}

	@Override
	public Duration tokenReadTimeout() {
		return TokenInput.readTimeout(this.settings.property(TokenInput.READ_TIMEOUT_PROPERTY));
	}

}
