package dev.bentocloud.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.DeploymentStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DeploymentOperations} over the management API (v2).
 */
final class DefaultDeploymentOperations implements DeploymentOperations {

	private final ManagementCalls calls;

	private final Supplier<JsonMapper> mapper;

	DefaultDeploymentOperations(ManagementCalls calls, Supplier<JsonMapper> mapper) {
		this.calls = calls;
		this.mapper = mapper;
	}

	@Override
	public Mono<Deployment> create(DeploymentConfig config) {
		return Mono.defer(() -> {
			if (config.bento() == null || config.bento().isBlank()) {
				return Mono.error(new IllegalArgumentException("bento is required"));
			}
			DeploymentConfig fixed = config.withFixedScaling();
			return this.calls.call("POST /api/v2/deployments",
					this.calls.api().createDeployment(ManagementCalls.orEmpty(config.cluster()), body(fixed, true)));
		});
	}

	@Override
	public Mono<Deployment> get(String name, @Nullable String cluster) {
		return ManagementCalls.absentAsEmpty(this.calls.call("GET /api/v2/deployments/{name}", this.calls.api()
			.getDeployment(ManagementCalls.requireText(name, "name"), ManagementCalls.orEmpty(cluster))));
	}

	/**
	 * Sends BentoML's parameters ({@code cluster}, {@code all=true} without a cluster and
	 * empty with one, {@code q}, {@code search}, empty when unset), but reads the list in
	 * numeric pages of {@link ManagementCalls#PAGE_SIZE} ({@code start=0&count=100}, then
	 * on until {@code total}) instead of BentoML's two calls ({@code count=} to read
	 * {@code total}, then {@code count=<total>}): one call for most organizations, and no
	 * unbounded page.
	 */
	@Override
	public Flux<Deployment> list(DeploymentQuery query) {
		String q = ManagementCalls.orEmpty(query.queryString());
		String all = (query.cluster() == null) ? "true" : "";
		return this.calls.paged("GET /api/v2/deployments",
				(start) -> this.calls.call("GET /api/v2/deployments",
						this.calls.api()
							.listDeployments(ManagementCalls.orEmpty(query.cluster()), all, ManagementCalls.PAGE_SIZE,
									q, ManagementCalls.orEmpty(query.search()), start)));
	}

	@Override
	public Mono<Deployment> update(DeploymentConfig changes) {
		return Mono.defer(() -> {
			String name = ManagementCalls.requireText(changes.name(), "name");
			return require(get(name, changes.cluster()), name).flatMap((existing) -> {
				ExistingTarget target = existingTarget(existing);
				Map<String, Object> merged = DeepMerge.merge(toMap(target.config()), toMap(changes));
				DeploymentConfig config = this.mapper.get().convertValue(merged, DeploymentConfig.class);
				String bento = (changes.bento() != null) ? changes.bento()
						: target.bento()
							.tag()
							.orElseThrow(() -> new BentoCloudException("Deployment " + name + " has no bento"));
				config = config.withBento(bento).withFixedScaling();
				return this.calls.call("PUT /api/v2/deployments/{name}", this.calls.api()
					.updateDeployment(name, ManagementCalls.orEmpty(existing.clusterName()), body(config, false)));
			});
		});
	}

	@Override
	public Mono<Deployment> apply(DeploymentConfig config) {
		String name = config.name();
		if (name == null) {
			return create(config);
		}
		return get(name, config.cluster()).flatMap((existing) -> {
			if (config.cluster() != null && !config.cluster().equals(existing.clusterName())) {
				return Mono.<Deployment>error(new IllegalArgumentException(
						"Deployment cluster cannot be changed, current cluster is " + existing.clusterName()));
			}
			String bento = (config.bento() != null) ? config.bento() : existing.bento().orElse(null);
			if (bento == null) {
				return Mono.<Deployment>error(new IllegalArgumentException("bento is required"));
			}
			DeploymentConfig fixed = config.withBento(bento).withFixedScaling();
			return this.calls.call("PUT /api/v2/deployments/{name}", this.calls.api()
				.updateDeployment(name, ManagementCalls.orEmpty(existing.clusterName()), body(fixed, false)));
		}).switchIfEmpty(Mono.defer(() -> create(config)));
	}

	@Override
	public Mono<Deployment> voidUpdate(String name, @Nullable String cluster) {
		return this.calls.call("PUT /api/v2/deployments/{name}/void_update", this.calls.api()
			.voidUpdateDeployment(ManagementCalls.requireText(name, "name"), ManagementCalls.orEmpty(cluster)));
	}

	@Override
	public Mono<Deployment> terminate(String name, @Nullable String cluster) {
		return this.calls.call("POST /api/v2/deployments/{name}/terminate", this.calls.api()
			.terminateDeployment(ManagementCalls.requireText(name, "name"), ManagementCalls.orEmpty(cluster)));
	}

	@Override
	public Mono<Deployment> delete(String name, @Nullable String cluster) {
		return this.calls.call("DELETE /api/v2/deployments/{name}", this.calls.api()
			.deleteDeployment(ManagementCalls.requireText(name, "name"), ManagementCalls.orEmpty(cluster)));
	}

	@Override
	public Flux<Deployment> waitUntilReady(String name, @Nullable String cluster, Duration timeout,
			Duration pollInterval) {
		ManagementCalls.requireText(name, "name");
		return Flux.defer(() -> {
			AtomicBoolean ready = new AtomicBoolean();
			AtomicReference<@Nullable String> lastStatus = new AtomicReference<>();
			Flux<Deployment> statusChanges = require(get(name, cluster), name)
				.repeatWhen((completed) -> completed.delayElements(pollInterval))
				.distinctUntilChanged(Deployment::status)
				.doOnNext((deployment) -> lastStatus.set(deployment.status()))
				.handle((deployment, sink) -> {
					sink.next(deployment);
					if (DeploymentStatus.isReady(deployment.status())) {
						ready.set(true);
						sink.complete();
					}
					else if (DeploymentStatus.isTerminalFailure(deployment.status())) {
						sink.error(new DeploymentNotReadyException(
								"Deployment " + name + " did not become ready: its status is " + deployment.status(),
								name, deployment.status(), false));
					}
				});
			return statusChanges.takeUntilOther(Mono.delay(timeout))
				.concatWith(Mono.defer(() -> ready.get() ? Mono.empty()
						: Mono.error(new DeploymentNotReadyException(
								"Timed out after " + timeout + " waiting for deployment " + name
										+ " to be ready (last status: " + lastStatus.get() + ")",
								name, lastStatus.get(), true))));
		});
	}

	private ExistingTarget existingTarget(Deployment existing) {
		String name = existing.name();
		if (existing.latestRevision() == null) {
			throw new BentoCloudException("Deployment " + name + " has no latest revision");
		}
		if (existing.latestRevision().targets() == null || existing.latestRevision().targets().isEmpty()) {
			throw new BentoCloudException("Deployment " + name + " has no latest revision targets");
		}
		Deployment.Target target = existing.mainTarget()
			.orElseThrow(() -> new BentoCloudException("Deployment " + name + " has no target"));
		DeploymentConfig config = target.config();
		if (config == null) {
			throw new BentoCloudException("Deployment " + name + " has no config");
		}
		Deployment.Bento bento = target.bento();
		if (bento == null) {
			throw new BentoCloudException("Deployment " + name + " has no bento");
		}
		return new ExistingTarget(config, bento);
	}

	/**
	 * The main target of an existing deployment, which has a configuration and a bento.
	 */
	private record ExistingTarget(DeploymentConfig config, Deployment.Bento bento) {
	}

	/**
	 * The request body: every schema field, unset ones as null (as BentoML sends them).
	 */
	private Map<String, Object> body(DeploymentConfig config, boolean create) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_authorization", Boolean.TRUE.equals(config.accessAuthorization()));
		body.put("envs", config.envs());
		body.put("labels", config.labels());
		body.put("secrets", config.secrets());
		body.put("services", (config.services() != null) ? config.services() : Map.of());
		body.put("canary", config.canary());
		body.put("bento", config.bento());
		if (create) {
			body.put("name", config.name());
			body.put("dev", Boolean.TRUE.equals(config.dev()));
		}
		return body;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> toMap(DeploymentConfig config) {
		return DeepMerge.withoutNulls(this.mapper.get().convertValue(config, Map.class));
	}

	private static Mono<Deployment> require(Mono<Deployment> deployment, String name) {
		return deployment
			.switchIfEmpty(Mono.error(() -> new BentoCloudNotFoundException("Deployment " + name + " not found",
					"GET /api/v2/deployments/{name}", 404, null, "")));
	}

}
