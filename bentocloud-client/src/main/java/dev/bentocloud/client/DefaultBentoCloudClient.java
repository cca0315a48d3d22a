package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.function.SingletonSupplier;

/**
 * {@link BentoCloudClient} over the {@link ManagementApi} HTTP interface.
 */
final class DefaultBentoCloudClient implements BentoCloudClient {

	private final URI endpoint;

	private final ManagementCalls calls;

	private final Supplier<JsonMapper> mapper;

	private final BlockingBentoCloudClient blocking;

	// Created on first use: startup need not load their classes.
	private final SingletonSupplier<Operations> operations = SingletonSupplier.of(this::createOperations);

	private final Supplier<PreparedCalls> prepared;

	private final Runnable warmUp;

	private final AtomicBoolean warmedUp = new AtomicBoolean();

	/**
	 * Creates the client from what its builder prepared.
	 * @param api the HTTP interface, built on first use: building WebClient and its
	 * connector costs a few hundred milliseconds, which application startup should not
	 * pay
	 * @param prepared the calls on prepared URIs, built with the HTTP interface
	 * @param warmUp builds the HTTP interface and prepares connector and JSON readers,
	 * without a network call
	 * @param mapper the JSON mapper, built on first use
	 */
	DefaultBentoCloudClient(URI endpoint, Supplier<ManagementApi> api, Supplier<PreparedCalls> prepared,
			Runnable warmUp, HttpErrors errors, Supplier<JsonMapper> mapper, Duration callTimeout, int maxPages) {
		this.endpoint = endpoint;
		this.prepared = prepared;
		this.warmUp = warmUp;
		this.calls = new ManagementCalls(endpoint, api, errors, callTimeout, maxPages);
		this.mapper = mapper;
		this.blocking = new DefaultBlockingBentoCloudClient(this);
	}

	private Operations createOperations() {
		return new Operations(new DefaultApiTokenOperations(this.calls),
				new DefaultDeploymentOperations(this.calls, this.mapper), new DefaultSecretOperations(this.calls),
				new DefaultClusterOperations(this.calls));
	}

	@Override
	public URI endpoint() {
		return this.endpoint;
	}

	@Override
	public Mono<User> currentUser() {
		return this.calls.call("GET /api/v1/auth/current", this.prepared.get().currentUser());
	}

	@Override
	public Mono<Organization> currentOrganization() {
		return this.calls.call("GET /api/v1/current_org", this.prepared.get().currentOrganization());
	}

	@Override
	public ApiTokenOperations apiTokens() {
		return this.operations.obtain().apiTokens();
	}

	@Override
	public DeploymentOperations deployments() {
		return this.operations.obtain().deployments();
	}

	@Override
	public SecretOperations secrets() {
		return this.operations.obtain().secrets();
	}

	@Override
	public ClusterOperations clusters() {
		return this.operations.obtain().clusters();
	}

	@Override
	public Flux<InstanceType> instanceTypes(@Nullable String cluster) {
		return this.calls
			.call("GET /api/v1/instance_types", this.calls.api().instanceTypes(ManagementCalls.orEmpty(cluster)))
			.flatMapIterable(Function.identity());
	}

	@Override
	public BlockingBentoCloudClient blocking() {
		return this.blocking;
	}

	@Override
	public void warmUp() {
		if (this.warmedUp.compareAndSet(false, true)) {
			this.warmUp.run();
		}
	}

	private record Operations(ApiTokenOperations apiTokens, DeploymentOperations deployments, SecretOperations secrets,
			ClusterOperations clusters) {
	}

}
