package dev.bentocloud.client;

import dev.bentocloud.client.model.Cluster;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organization's clusters (regions) ({@code /api/v1/clusters}).
 *
 * @since 0.1.0
 */
public interface ClusterOperations {

	/**
	 * Every cluster, through all pages.
	 * @return the clusters
	 */
	Flux<Cluster> list();

	/**
	 * The cluster, or empty if there is none.
	 * @param name the cluster name
	 * @return the cluster
	 */
	Mono<Cluster> get(String name);

}
