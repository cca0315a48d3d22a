package dev.bentocloud.client;

import dev.bentocloud.client.model.Cluster;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ClusterOperations} over the management API.
 */
final class DefaultClusterOperations implements ClusterOperations {

	private final ManagementCalls calls;

	DefaultClusterOperations(ManagementCalls calls) {
		this.calls = calls;
	}

	/**
	 * Pages with {@code start/count} (BentoML's client takes caller-supplied parameters
	 * and never calls it).
	 */
	@Override
	public Flux<Cluster> list() {
		return this.calls.paged("GET /api/v1/clusters", (start) -> this.calls.call("GET /api/v1/clusters",
				this.calls.api().listClusters(start, ManagementCalls.PAGE_SIZE)));
	}

	@Override
	public Mono<Cluster> get(String name) {
		return ManagementCalls.absentAsEmpty(this.calls.call("GET /api/v1/clusters/{name}",
				this.calls.api().getCluster(ManagementCalls.requireText(name, "name"))));
	}

}
