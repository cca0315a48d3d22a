package dev.bentocloud.client.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.support.Durations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@link BentoServiceClientFactory.Builder}: collects settings, each checked when
 * given.
 */
final class DefaultBentoServiceClientFactoryBuilder implements BentoServiceClientFactory.Builder {

	private Supplier<WebClient.@Nullable Builder> webClientBuilder = () -> null;

	private BentoCloudConnectorFactory connectorFactory = BentoCloudConnectorFactory.detect();

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration callTimeout = BentoServiceClientFactory.DEFAULT_CALL_TIMEOUT;

	private Duration streamIdleTimeout = BentoServiceClientFactory.DEFAULT_CALL_TIMEOUT;

	private long maxResponseSize = BentoServiceClientFactory.DEFAULT_MAX_RESPONSE_SIZE;

	private boolean checkCalls = true;

	private @Nullable String defaultToken;

	private boolean allowInsecureEndpoint;

	private @Nullable Path tempDirectory;

	private @Nullable JsonMapper jsonMapper;

	private List<String> deploymentHosts = List.of(BentoServiceClientFactory.DEFAULT_DEPLOYMENT_HOSTS.split(","));

	@Override
	public BentoServiceClientFactory.Builder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder connectorFactory(BentoCloudConnectorFactory connectorFactory) {
		Assert.notNull(connectorFactory, "connectorFactory must not be null");
		this.connectorFactory = connectorFactory;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = Durations.requirePositive(connectTimeout, "connectTimeout");
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder callTimeout(Duration callTimeout) {
		this.callTimeout = Durations.requirePositive(callTimeout, "callTimeout");
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder streamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = Durations.requirePositive(streamIdleTimeout, "streamIdleTimeout");
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder maxResponseSize(long maxResponseSize) {
		Assert.isTrue(maxResponseSize > 0, "maxResponseSize must be positive");
		this.maxResponseSize = maxResponseSize;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder checkCalls(boolean checkCalls) {
		this.checkCalls = checkCalls;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder defaultToken(@Nullable String defaultToken) {
		this.defaultToken = defaultToken;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder allowInsecureEndpoint(boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder tempDirectory(@Nullable Path tempDirectory) {
		this.tempDirectory = tempDirectory;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder jsonMapper(@Nullable JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		return this;
	}

	@Override
	public BentoServiceClientFactory.Builder deploymentHosts(Collection<String> domains) {
		Assert.notNull(domains, "domains must not be null");
		this.deploymentHosts = domains.stream()
			.map((domain) -> domain.strip().toLowerCase(Locale.ROOT))
			.map((domain) -> domain.startsWith(".") ? domain.substring(1) : domain)
			.filter((domain) -> !domain.isEmpty())
			.toList();
		return this;
	}

	@Override
	public BentoServiceClientFactory build() {
		return new BentoServiceClientFactory(new ServiceClientSettings(this.webClientBuilder, this.connectorFactory,
				this.connectTimeout, this.callTimeout, this.streamIdleTimeout, this.maxResponseSize, this.checkCalls,
				this.defaultToken, this.allowInsecureEndpoint, this.tempDirectory, this.jsonMapper,
				this.deploymentHosts));
	}

}
