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

/**
 * The operations of {@link BentoCloudClient}, blocking, for Servlet (MVC) applications
 * and command-line tools. Do not call it from a reactive (event loop) thread.
 */
public class BlockingBentoCloudClient {

	private final BentoCloudClient client;

	private final ApiTokens apiTokens;

	private final Deployments deployments;

	private final Secrets secrets;

	private final Clusters clusters;

	public BlockingBentoCloudClient(BentoCloudClient client) {
		this.client = client;
		this.apiTokens = new ApiTokens(client.apiTokens());
		this.deployments = new Deployments(client.deployments());
		this.secrets = new Secrets(client.secrets());
		this.clusters = new Clusters(client.clusters());
	}

	public User currentUser() {
		return required(this.client.currentUser().block());
	}

	public Organization currentOrganization() {
		return required(this.client.currentOrganization().block());
	}

	public ApiTokens apiTokens() {
		return this.apiTokens;
	}

	public Deployments deployments() {
		return this.deployments;
	}

	/**
	 * Blocking {@link BentoCloudClient#secrets()}.
	 * @return the secret operations
	 */
	public Secrets secrets() {
		return this.secrets;
	}

	/**
	 * Blocking {@link BentoCloudClient#clusters()}.
	 * @return the cluster operations
	 */
	public Clusters clusters() {
		return this.clusters;
	}

	public List<InstanceType> instanceTypes(@Nullable String cluster) {
		return required(this.client.instanceTypes(cluster).collectList().block());
	}

	/**
	 * Blocking {@link ApiTokenOperations}.
	 *
	 * @since 0.1.0
	 */
	public static final class ApiTokens {

		private final ApiTokenOperations operations;

		ApiTokens(ApiTokenOperations operations) {
			this.operations = operations;
		}

		public List<ApiToken> list() {
			return list(null);
		}

		public List<ApiToken> list(@Nullable String search) {
			return required(this.operations.list(search).collectList().block());
		}

		public ApiToken create(CreateApiTokenRequest request) {
			return required(this.operations.create(request).block());
		}

		public Optional<ApiToken> get(String uid) {
			return this.operations.get(uid).blockOptional();
		}

		public void delete(String uid) {
			this.operations.delete(uid).block();
		}

	}

	/**
	 * Blocking {@link DeploymentOperations}.
	 *
	 * @since 0.1.0
	 */
	public static final class Deployments {

		private final DeploymentOperations operations;

		Deployments(DeploymentOperations operations) {
			this.operations = operations;
		}

		public Deployment create(DeploymentConfig config) {
			return required(this.operations.create(config).block());
		}

		public Optional<Deployment> get(String name, @Nullable String cluster) {
			return this.operations.get(name, cluster).blockOptional();
		}

		public List<Deployment> list() {
			return list(DeploymentQuery.all());
		}

		public List<Deployment> list(DeploymentQuery query) {
			return required(this.operations.list(query).collectList().block());
		}

		public Deployment update(DeploymentConfig changes) {
			return required(this.operations.update(changes).block());
		}

		public Deployment apply(DeploymentConfig config) {
			return required(this.operations.apply(config).block());
		}

		/** See {@link DeploymentOperations#voidUpdate}. */
		public Deployment voidUpdate(String name, @Nullable String cluster) {
			return required(this.operations.voidUpdate(name, cluster).block());
		}

		public Deployment terminate(String name, @Nullable String cluster) {
			return required(this.operations.terminate(name, cluster).block());
		}

		public Deployment delete(String name, @Nullable String cluster) {
			return required(this.operations.delete(name, cluster).block());
		}

		/**
		 * Waits until the deployment is ready and returns it; throws
		 * {@link DeploymentNotReadyException} otherwise.
		 */
		public Deployment waitUntilReady(String name, @Nullable String cluster, Duration timeout) {
			return waitUntilReady(name, cluster, timeout, DeploymentOperations.DEFAULT_POLL_INTERVAL);
		}

		public Deployment waitUntilReady(String name, @Nullable String cluster, Duration timeout,
				Duration pollInterval) {
			return required(this.operations.waitUntilReady(name, cluster, timeout, pollInterval).blockLast());
		}

	}

	/**
	 * Blocking {@link SecretOperations}.
	 *
	 * @since 0.1.0
	 */
	public static final class Secrets {

		private final SecretOperations operations;

		Secrets(SecretOperations operations) {
			this.operations = operations;
		}

		public List<Secret> list() {
			return list(null);
		}

		public List<Secret> list(@Nullable String search) {
			return required(this.operations.list(search).collectList().block());
		}

		public Secret create(CreateSecretRequest request) {
			return required(this.operations.create(request).block());
		}

		public Optional<Secret> get(String name, @Nullable String cluster) {
			return this.operations.get(name, cluster).blockOptional();
		}

		public Secret update(UpdateSecretRequest request) {
			return required(this.operations.update(request).block());
		}

		public void delete(String name, @Nullable String cluster) {
			this.operations.delete(name, cluster).block();
		}

	}

	/**
	 * Blocking {@link ClusterOperations}.
	 *
	 * @since 0.1.0
	 */
	public static final class Clusters {

		private final ClusterOperations operations;

		Clusters(ClusterOperations operations) {
			this.operations = operations;
		}

		public List<Cluster> list() {
			return required(this.operations.list().collectList().block());
		}

		public Optional<Cluster> get(String name) {
			return this.operations.get(name).blockOptional();
		}

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

}
