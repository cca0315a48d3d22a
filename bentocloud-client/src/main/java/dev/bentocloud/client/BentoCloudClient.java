package dev.bentocloud.client;

import java.net.URI;

import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive client of the BentoCloud management API. Every call fails with a
 * {@link BentoCloudException}; see its subclasses for the cases.
 *
 * @since 0.1.0
 */
public interface BentoCloudClient {

	/**
	 * The management endpoint this client calls.
	 * @return the endpoint, e.g. {@code https://acme.cloud.bentoml.com}
	 */
	URI endpoint();

	/** The user the API token belongs to ({@code GET /api/v1/auth/current}). */
	Mono<User> currentUser();

	/** The organization of the API token ({@code GET /api/v1/current_org}). */
	Mono<Organization> currentOrganization();

	/** API token management. */
	ApiTokenOperations apiTokens();

	/** Deployment management. */
	DeploymentOperations deployments();

	/**
	 * Organization secrets.
	 * @return the secret operations
	 */
	SecretOperations secrets();

	/**
	 * The organization's clusters.
	 * @return the cluster operations
	 */
	ClusterOperations clusters();

	/**
	 * Instance types available in the default cluster.
	 * @return the instance types
	 */
	default Flux<InstanceType> instanceTypes() {
		return instanceTypes(null);
	}

	/**
	 * Instance types available in {@code cluster}.
	 * @param cluster the cluster, or {@code null} for the default one
	 * @return the instance types
	 */
	Flux<InstanceType> instanceTypes(@Nullable String cluster);

	/** The same operations, blocking, for Servlet (MVC) applications. */
	BlockingBentoCloudClient blocking();

	/**
	 * Sets up now, on the calling thread, what the first call would otherwise set up:
	 * {@code WebClient}, connector, HTTP-interface proxy and JSON readers. Sends nothing
	 * to BentoCloud (no connection either). Optional and idempotent: a call made
	 * meanwhile shares the same set-up. The Spring Boot auto-configuration runs it on a
	 * background thread once the application is ready
	 * ({@code bentocloud.warm-up.enabled}). The default does nothing.
	 */
	default void warmUp() {
	}

	/** A builder for use outside Spring Boot auto-configuration (or in tests). */
	static BentoCloudClientBuilder builder() {
		return new BentoCloudClientBuilder();
	}

}
