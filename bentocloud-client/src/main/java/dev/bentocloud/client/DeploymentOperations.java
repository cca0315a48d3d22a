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

	/** The deployment, or empty if there is none. */
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
	 * Redeploys the deployment with its current configuration, unchanged ({@code PUT
	 * /api/v2/deployments/{name}/void_update}, BentoML's {@code void_update}).
	 * @param name the deployment name
	 * @param cluster its cluster, or {@code null}
	 * @return the deployment
	 */
	Mono<Deployment> voidUpdate(String name, @Nullable String cluster);

	/** Stops the deployment; it keeps its configuration and can be started again. */
	Mono<Deployment> terminate(String name, @Nullable String cluster);

	/** Deletes the deployment permanently. */
	Mono<Deployment> delete(String name, @Nullable String cluster);

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
