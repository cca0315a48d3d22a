package dev.bentocloud.sample.cli;

import java.util.Arrays;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * {@link CliServices} without Spring: a client built with
 * {@link BentoCloudClient#builder()} on the JDK's HTTP client (no Netty start-up), from
 * credentials {@link LeanCli} resolved. The client is built on first use, so usage errors
 * cost no client.
 */
final class LeanCliServices implements CliServices {

	private final BentoCloudCredentials credentials;

	private final CloudContexts cloudContexts;

	private @Nullable BlockingBentoCloudClient client;

	LeanCliServices(BentoCloudCredentials credentials, CloudContexts cloudContexts) {
		this.credentials = credentials;
		this.cloudContexts = cloudContexts;
	}

	@Override
	public BlockingBentoCloudClient client() {
		if (this.client == null) {
			this.client = BentoCloudClient.builder()
				.credentials(this.credentials)
				.connectorFactory(BentoCloudConnectorFactory.jdk())
				.build()
				.blocking();
		}
		return this.client;
	}

	@Override
	public String endpoint() {
		return BentoCloudEndpoints.displayable(this.credentials.endpoint());
	}

	@Override
	public String credentialsSource() {
		return this.credentials.source();
	}

	@Override
	public List<@Nullable String> secrets() {
		return Arrays.asList(this.credentials.apiToken());
	}

	@Override
	public CloudContexts cloudContexts() {
		return this.cloudContexts;
	}

}
