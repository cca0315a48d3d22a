package dev.bentocloud.sample.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /deployments[?cluster=]} and {@code GET /deployments/{name}[?cluster=]},
 * shared and briefly cached per question through {@link UpstreamCalls}.
 */
@RestController
public class DeploymentController {

	private final BentoCloudClient client;

	private final UpstreamCalls upstream;

	public DeploymentController(BentoCloudClient client, UpstreamCalls upstream) {
		this.client = client;
		this.upstream = upstream;
	}

	@GetMapping("/deployments")
	public Flux<DeploymentSummary> deployments(@RequestParam(required = false) String cluster) {
		return this.upstream
			.get(Arrays.asList("deployments", cluster),
					() -> this.client.deployments()
						.list(DeploymentQuery.all().withCluster(cluster))
						.map(DeploymentSummary::of)
						.collectList())
			.flatMapIterable((deployments) -> deployments);
	}

	@GetMapping("/deployments/{name}")
	public Mono<DeploymentSummary> deployment(@PathVariable String name,
			@RequestParam(required = false) String cluster) {
		return this.upstream
			.get(Arrays.asList("deployment", name, cluster),
					() -> this.client.deployments().get(name, cluster).map(DeploymentSummary::of))
			.switchIfEmpty(Mono.error(() -> new BentoCloudNotFoundException("Deployment '" + name + "' not found",
					"GET /api/v2/deployments/" + name, 404, null, "")));
	}

	/**
	 * What the sample shows of a deployment.
	 *
	 * @param name the name
	 * @param status the status, e.g. {@code running}
	 * @param ready whether the status counts as ready
	 * @param bento the bento, {@code repository:version}
	 * @param cluster the cluster (region)
	 * @param createdAt when it was created
	 * @param urls its service URLs (empty in lists)
	 */
	public record DeploymentSummary(String name, String status, boolean ready, String bento, String cluster,
			Instant createdAt, List<String> urls) {

		static DeploymentSummary of(Deployment deployment) {
			return new DeploymentSummary(deployment.name(), deployment.status(), deployment.isReady(),
					deployment.bento().orElse(null), deployment.clusterName(), deployment.createdAt(),
					deployment.urls());
		}

	}

}
