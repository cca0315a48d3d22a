package dev.bentocloud.sample.cli;

import java.util.Arrays;
import java.util.List;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * {@link CliServices} without Spring for the {@code cloud} commands that only read or
 * switch the credentials file: no credentials are resolved and no client exists, as on
 * the Spring path, where these commands run without BentoML's credential sources.
 */
final class LeanCloudServices implements CliServices {

	private final CloudContexts cloudContexts;

	private final String endpoint;

	private final @Nullable String apiToken;

	/**
	 * Services for the file commands.
	 * @param cloudContexts the credentials file and BentoML's variables
	 * @param endpoint {@code bentocloud.endpoint}, or the default
	 * @param apiToken {@code bentocloud.api-token}, masked in failure messages
	 */
	LeanCloudServices(CloudContexts cloudContexts, String endpoint, @Nullable String apiToken) {
		this.cloudContexts = cloudContexts;
		this.endpoint = endpoint;
		this.apiToken = apiToken;
	}

	@Override
	public BlockingBentoCloudClient client() {
		throw new IllegalStateException("The cloud file commands call no client");
	}

	@Override
	public String endpoint() {
		return BentoCloudEndpoints.displayable(this.endpoint);
	}

	@Override
	public @Nullable String credentialsSource() {
		return null;
	}

	@Override
	public List<@Nullable String> secrets() {
		return Arrays.asList(this.apiToken);
	}

	@Override
	public CloudContexts cloudContexts() {
		return this.cloudContexts;
	}

}
