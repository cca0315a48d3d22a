package dev.bentocloud.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import org.jspecify.annotations.Nullable;

/**
 * Blocking {@link DeploymentOperations}. The methods without a cluster act in the
 * organization's default cluster.
 *
 * @since 0.1.0
 */
public interface BlockingDeploymentOperations {

	/**
	 * Creates a deployment, see {@link DeploymentOperations#create}.
	 * @param config the deployment
	 * @return the created deployment
	 */
	Deployment create(DeploymentConfig config);

	/**
	 * The deployment in the default cluster, if there is one.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Optional<Deployment> get(String name) {
		return get(name, null);
	}

	/**
	 * The deployment, if there is one.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Optional<Deployment> get(String name, @Nullable String cluster);

	/**
	 * Every deployment, through all pages.
	 * @return the deployments
	 */
	default List<Deployment> list() {
		return list(DeploymentQuery.all());
	}

	/**
	 * Deployments matching the query, through all pages.
	 * @param query the filters
	 * @return the deployments
	 */
	List<Deployment> list(DeploymentQuery query);

	/**
	 * Changes a deployment, see {@link DeploymentOperations#update}.
	 * @param changes the fields to change
	 * @return the updated deployment
	 */
	Deployment update(DeploymentConfig changes);

	/**
	 * Creates or replaces a deployment, see {@link DeploymentOperations#apply}.
	 * @param config the deployment
	 * @return the deployment
	 */
	Deployment apply(DeploymentConfig config);

	/**
	 * Redeploys the deployment in the default cluster unchanged, see
	 * {@link DeploymentOperations#voidUpdate}.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Deployment voidUpdate(String name) {
		return voidUpdate(name, null);
	}

	/**
	 * Redeploys the deployment unchanged, see {@link DeploymentOperations#voidUpdate}.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Deployment voidUpdate(String name, @Nullable String cluster);

	/**
	 * Stops the deployment in the default cluster; it keeps its configuration.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Deployment terminate(String name) {
		return terminate(name, null);
	}

	/**
	 * Stops the deployment; it keeps its configuration.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Deployment terminate(String name, @Nullable String cluster);

	/**
	 * Deletes the deployment in the default cluster permanently.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Deployment delete(String name) {
		return delete(name, null);
	}

	/**
	 * Deletes the deployment permanently.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Deployment delete(String name, @Nullable String cluster);

	/**
	 * Waits until the deployment in the default cluster is ready, polling at the default
	 * interval.
	 * @param name the deployment name
	 * @param timeout the longest to wait
	 * @return the ready deployment
	 * @throws DeploymentNotReadyException when it fails or the timeout passes first
	 */
	default Deployment waitUntilReady(String name, Duration timeout) {
		return waitUntilReady(name, null, timeout, DeploymentOperations.DEFAULT_POLL_INTERVAL);
	}

	/**
	 * Waits until the deployment in the default cluster is ready.
	 * @param name the deployment name
	 * @param timeout the longest to wait
	 * @param pollInterval the time between status checks
	 * @return the ready deployment
	 * @throws DeploymentNotReadyException when it fails or the timeout passes first
	 */
	default Deployment waitUntilReady(String name, Duration timeout, Duration pollInterval) {
		return waitUntilReady(name, null, timeout, pollInterval);
	}

	/**
	 * Waits until the deployment is ready, polling at the default interval.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @param timeout the longest to wait
	 * @return the ready deployment
	 * @throws DeploymentNotReadyException when it fails or the timeout passes first
	 */
	default Deployment waitUntilReady(String name, @Nullable String cluster, Duration timeout) {
		return waitUntilReady(name, cluster, timeout, DeploymentOperations.DEFAULT_POLL_INTERVAL);
	}

	/**
	 * Waits until the deployment is ready, see
	 * {@link DeploymentOperations#waitUntilReady}.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @param timeout the longest to wait
	 * @param pollInterval the time between status checks
	 * @return the ready deployment
	 * @throws DeploymentNotReadyException when it fails or the timeout passes first
	 */
	Deployment waitUntilReady(String name, @Nullable String cluster, Duration timeout, Duration pollInterval);

}
