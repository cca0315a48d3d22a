package dev.bentocloud.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.Cluster;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.UpdateSecretRequest;
import dev.bentocloud.client.model.User;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link BlockingBentoCloudClient}: each call blocks on the reactive one.
 */
final class DefaultBlockingBentoCloudClient implements BlockingBentoCloudClient {

	private final BentoCloudClient client;

	// Created on first use: startup need not load their classes.
	private final SingletonSupplier<Operations> operations = SingletonSupplier.of(this::createOperations);

	DefaultBlockingBentoCloudClient(BentoCloudClient client) {
		this.client = client;
	}

	private Operations createOperations() {
		return new Operations(new ApiTokens(this.client.apiTokens()), new Deployments(this.client.deployments()),
				new Secrets(this.client.secrets()), new Clusters(this.client.clusters()));
	}

	@Override
	public User currentUser() {
		return required(this.client.currentUser().block());
	}

	@Override
	public Organization currentOrganization() {
		return required(this.client.currentOrganization().block());
	}

	@Override
	public BlockingApiTokenOperations apiTokens() {
		return this.operations.obtain().apiTokens();
	}

	@Override
	public BlockingDeploymentOperations deployments() {
		return this.operations.obtain().deployments();
	}

	@Override
	public BlockingSecretOperations secrets() {
		return this.operations.obtain().secrets();
	}

	@Override
	public BlockingClusterOperations clusters() {
		return this.operations.obtain().clusters();
	}

	@Override
	public List<InstanceType> instanceTypes(@Nullable String cluster) {
		return required(this.client.instanceTypes(cluster).collectList().block());
	}

	/**
	 * The value of a call that always emits one (or fails); an empty completion would be
	 * a bug, reported rather than returned as {@code null}.
	 */
	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("The call completed without a value");
		}
		return value;
	}

	private record ApiTokens(ApiTokenOperations operations) implements BlockingApiTokenOperations {

		@Override
		public List<ApiToken> list(@Nullable String search) {
			return required(this.operations.list(search).collectList().block());
		}

		@Override
		public ApiToken create(CreateApiTokenRequest request) {
			return required(this.operations.create(request).block());
		}

		@Override
		public Optional<ApiToken> get(String uid) {
			return this.operations.get(uid).blockOptional();
		}

		@Override
		public void delete(String uid) {
			this.operations.delete(uid).block();
		}

	}

	private record Deployments(DeploymentOperations operations) implements BlockingDeploymentOperations {

		@Override
		public Deployment create(DeploymentConfig config) {
			return required(this.operations.create(config).block());
		}

		@Override
		public Optional<Deployment> get(String name, @Nullable String cluster) {
			return this.operations.get(name, cluster).blockOptional();
		}

		@Override
		public List<Deployment> list(DeploymentQuery query) {
			return required(this.operations.list(query).collectList().block());
		}

		@Override
		public Deployment update(DeploymentConfig changes) {
			return required(this.operations.update(changes).block());
		}

		@Override
		public Deployment apply(DeploymentConfig config) {
			return required(this.operations.apply(config).block());
		}

		@Override
		public Deployment voidUpdate(String name, @Nullable String cluster) {
			return required(this.operations.voidUpdate(name, cluster).block());
		}

		@Override
		public Deployment terminate(String name, @Nullable String cluster) {
			return required(this.operations.terminate(name, cluster).block());
		}

		@Override
		public Deployment delete(String name, @Nullable String cluster) {
			return required(this.operations.delete(name, cluster).block());
		}

		@Override
		public Deployment waitUntilReady(String name, @Nullable String cluster, Duration timeout,
				Duration pollInterval) {
			return required(this.operations.waitUntilReady(name, cluster, timeout, pollInterval).blockLast());
		}

	}

	private record Secrets(SecretOperations operations) implements BlockingSecretOperations {

		@Override
		public List<Secret> list(@Nullable String search) {
			return required(this.operations.list(search).collectList().block());
		}

		@Override
		public Secret create(CreateSecretRequest request) {
			return required(this.operations.create(request).block());
		}

		@Override
		public Optional<Secret> get(String name, @Nullable String cluster) {
			return this.operations.get(name, cluster).blockOptional();
		}

		@Override
		public Secret update(UpdateSecretRequest request) {
			return required(this.operations.update(request).block());
		}

		@Override
		public void delete(String name, @Nullable String cluster) {
			this.operations.delete(name, cluster).block();
		}

	}

	private record Clusters(ClusterOperations operations) implements BlockingClusterOperations {

		@Override
		public List<Cluster> list() {
			return required(this.operations.list().collectList().block());
		}

		@Override
		public Optional<Cluster> get(String name) {
			return this.operations.get(name).blockOptional();
		}

	}

	private record Operations(BlockingApiTokenOperations apiTokens, BlockingDeploymentOperations deployments,
			BlockingSecretOperations secrets, BlockingClusterOperations clusters) {
	}

}
