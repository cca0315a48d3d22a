package dev.bentocloud.client;

import java.time.Duration;

import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deployments ({@code /api/v2/deployments}). A {@code null} cluster means the
 * organization's default cluster.
 */
public interface DeploymentOperations {

	/** The default interval between status checks of {@link #waitUntilReady}. */
	Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	/**
	 * Creates a deployment. {@code config.cluster()} goes in the query string, scaling is
	 * fixed as BentoML does, and a {@code null} name lets the server choose one.
	 * @throws IllegalArgumentException (in the Mono) if there is no bento or scaling is
	 * invalid
	 */
	Mono<Deployment> create(DeploymentConfig config);

	/**
	 * The deployment in the default cluster, or empty if there is none.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Mono<Deployment> get(String name) {
		return get(name, null);
	}

	/**
	 * The deployment, or empty if there is none.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Mono<Deployment> get(String name, @Nullable String cluster);

	/** Every deployment, through all pages. */
	default Flux<Deployment> list() {
		return list(DeploymentQuery.all());
	}

	/** Deployments matching the query, through all pages. */
	Flux<Deployment> list(DeploymentQuery query);

	/**
	 * Changes a deployment: fetches it, deep-merges the set fields of {@code changes} on
	 * top of its current configuration (maps merge, lists and values are replaced), fixes
	 * scaling and sends the result to the deployment's own cluster.
	 */
	Mono<Deployment> update(DeploymentConfig changes);

	/**
	 * Creates the deployment, or replaces the configuration of an existing one (no
	 * merge). Fails if an explicitly given cluster differs from the existing
	 * deployment's.
	 */
	Mono<Deployment> apply(DeploymentConfig config);

	/**
	 * {@link #voidUpdate(String, String)} in the default cluster.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Mono<Deployment> voidUpdate(String name) {
		return voidUpdate(name, null);
	}

	/**
	 * Redeploys the deployment with its current configuration, unchanged ({@code PUT
	 * /api/v2/deployments/{name}/void_update}, BentoML's {@code void_update}).
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null}
	 * @return the deployment
	 */
	Mono<Deployment> voidUpdate(String name, @Nullable String cluster);

	/**
	 * Stops the deployment in the default cluster; it keeps its configuration and can be
	 * started again.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Mono<Deployment> terminate(String name) {
		return terminate(name, null);
	}

	/**
	 * Stops the deployment; it keeps its configuration and can be started again.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Mono<Deployment> terminate(String name, @Nullable String cluster);

	/**
	 * Deletes the deployment in the default cluster permanently.
	 * @param name the deployment name
	 * @return the deployment
	 */
	default Mono<Deployment> delete(String name) {
		return delete(name, null);
	}

	/**
	 * Deletes the deployment permanently.
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the deployment
	 */
	Mono<Deployment> delete(String name, @Nullable String cluster);

	/**
	 * {@link #waitUntilReady(String, String, Duration, Duration)} in the default cluster
	 * with the default poll interval.
	 * @param name the deployment name
	 * @param timeout the longest to wait
	 * @return the deployment at each status change
	 */
	default Flux<Deployment> waitUntilReady(String name, Duration timeout) {
		return waitUntilReady(name, null, timeout, DEFAULT_POLL_INTERVAL);
	}

	/**
	 * {@link #waitUntilReady(String, String, Duration, Duration)} in the default cluster.
	 * @param name the deployment name
	 * @param timeout the longest to wait
	 * @param pollInterval the time between status checks
	 * @return the deployment at each status change
	 */
	default Flux<Deployment> waitUntilReady(String name, Duration timeout, Duration pollInterval) {
		return waitUntilReady(name, null, timeout, pollInterval);
	}

	/**
	 * {@link #waitUntilReady(String, String, Duration, Duration)} with the default poll
	 * interval.
	 */
	default Flux<Deployment> waitUntilReady(String name, @Nullable String cluster, Duration timeout) {
		return waitUntilReady(name, cluster, timeout, DEFAULT_POLL_INTERVAL);
	}

	/**
	 * Polls the deployment and emits it each time its status changes. Completes after
	 * {@code running} or {@code scaled-to-zero}; fails with
	 * {@link DeploymentNotReadyException} on {@code failed}, {@code image-build-failed},
	 * {@code unhealthy}, {@code terminating}, {@code terminated}, or when {@code timeout}
	 * passes first.
	 */
	Flux<Deployment> waitUntilReady(String name, @Nullable String cluster, Duration timeout, Duration pollInterval);

}
