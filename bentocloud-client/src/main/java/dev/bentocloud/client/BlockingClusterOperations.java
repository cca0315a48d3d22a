package dev.bentocloud.client;

import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.model.Cluster;

/**
 * Blocking {@link ClusterOperations}.
 *
 * @since 0.1.0
 */
public interface BlockingClusterOperations {

	/**
	 * The organization's clusters.
	 * @return the clusters
	 */
	List<Cluster> list();

	/**
	 * The cluster, if there is one.
	 * @param name the cluster name
	 * @return the cluster
	 */
	Optional<Cluster> get(String name);

}
