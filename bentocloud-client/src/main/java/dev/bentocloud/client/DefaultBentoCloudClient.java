package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.DeploymentStatus;
import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.Page;
import dev.bentocloud.client.model.TokenExpiry;
import dev.bentocloud.client.model.User;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * {@link BentoCloudClient} over the {@link ManagementApi} HTTP interface.
 */
final class DefaultBentoCloudClient implements BentoCloudClient {

	/**
	 * Page size asked for; servers cap it (the real one at 100), and we follow
	 * {@code total}.
	 */
	static final int PAGE_SIZE = 100;

	private final URI endpoint;

	private final Supplier<ManagementApi> api;

	private final HttpErrors errors;

	private final JsonMapper mapper;

	private final BlockingBentoCloudClient blocking;

	private final ApiTokenOperations apiTokens = new ApiTokens();

	private final DeploymentOperations deployments = new Deployments();

	/**
	 * @param api the HTTP interface, built on first use: building WebClient and its
	 * connector costs a few hundred milliseconds, which application startup should not
	 * pay
	 */
	DefaultBentoCloudClient(URI endpoint, Supplier<ManagementApi> api, HttpErrors errors, JsonMapper mapper) {
		this.endpoint = endpoint;
		this.api = api;
		this.errors = errors;
		this.mapper = mapper;
		this.blocking = new BlockingBentoCloudClient(this);
	}

	@Override
	public URI endpoint() {
		return this.endpoint;
	}

	@Override
	public Mono<User> currentUser() {
		return call("GET /api/v1/auth/current", api().currentUser());
	}

	@Override
	public Mono<Organization> currentOrganization() {
		return call("GET /api/v1/current_org", api().currentOrganization());
	}

	@Override
	public ApiTokenOperations apiTokens() {
		return this.apiTokens;
	}

	@Override
	public DeploymentOperations deployments() {
		return this.deployments;
	}

	@Override
	public Flux<InstanceType> instanceTypes(@Nullable String cluster) {
		return call("GET /api/v1/instance_types", api().instanceTypes(cluster)).flatMapIterable(Function.identity());
	}

	@Override
	public BlockingBentoCloudClient blocking() {
		return this.blocking;
	}

	private ManagementApi api() {
		return this.api.get();
	}

	private final class ApiTokens implements ApiTokenOperations {

		@Override
		public Flux<ApiToken> list(@Nullable String search) {
			return paged((start) -> call("GET /api/v1/api_tokens",
					DefaultBentoCloudClient.this.api().listApiTokens(start, PAGE_SIZE, search)));
		}

		@Override
		public Mono<ApiToken> create(CreateApiTokenRequest request) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", request.name());
			body.put("description", request.description());
			body.put("scopes",
					(request.scopes() != null) ? request.scopes().stream().map(ApiTokenScope::value).toList() : null);
			body.put("expired_at", (request.expiry() != null) ? TokenExpiry.format(request.expiry()) : null);
			return call("POST /api/v1/api_tokens", DefaultBentoCloudClient.this.api().createApiToken(body));
		}

		@Override
		public Mono<ApiToken> get(String uid) {
			return absentAsEmpty(call("GET /api/v1/api_tokens/{uid}",
					DefaultBentoCloudClient.this.api().getApiToken(requireText(uid, "uid"))));
		}

		@Override
		public Mono<Void> delete(String uid) {
			return call("DELETE /api/v1/api_tokens/{uid}",
					DefaultBentoCloudClient.this.api().deleteApiToken(requireText(uid, "uid")));
		}

	}

	private final class Deployments implements DeploymentOperations {

		@Override
		public Mono<Deployment> create(DeploymentConfig config) {
			return Mono.defer(() -> {
				if (config.bento() == null || config.bento().isBlank()) {
					return Mono.error(new IllegalArgumentException("bento is required"));
				}
				DeploymentConfig fixed = config.withFixedScaling();
				return call("POST /api/v2/deployments",
						DefaultBentoCloudClient.this.api().createDeployment(config.cluster(), body(fixed, true)));
			});
		}

		@Override
		public Mono<Deployment> get(String name, @Nullable String cluster) {
			return absentAsEmpty(call("GET /api/v2/deployments/{name}",
					DefaultBentoCloudClient.this.api().getDeployment(requireText(name, "name"), cluster)));
		}

		@Override
		public Flux<Deployment> list(DeploymentQuery query) {
			String q = query.queryString();
			Boolean all = (query.cluster() == null) ? Boolean.TRUE : null;
			return paged((start) -> call("GET /api/v2/deployments", DefaultBentoCloudClient.this.api()
				.listDeployments(query.cluster(), all, start, PAGE_SIZE, query.search(), q)));
		}

		@Override
		public Mono<Deployment> update(DeploymentConfig changes) {
			return Mono.defer(() -> {
				String name = requireText(changes.name(), "name");
				return require(get(name, changes.cluster()), name).flatMap((existing) -> {
					ExistingTarget target = existingTarget(existing);
					Map<String, Object> merged = DeepMerge.merge(toMap(target.config()), toMap(changes));
					DeploymentConfig config = DefaultBentoCloudClient.this.mapper.convertValue(merged,
							DeploymentConfig.class);
					String bento = (changes.bento() != null) ? changes.bento()
							: target.bento()
								.tag()
								.orElseThrow(() -> new BentoCloudException("Deployment " + name + " has no bento"));
					config = config.withBento(bento).withFixedScaling();
					return call("PUT /api/v2/deployments/{name}", DefaultBentoCloudClient.this.api()
						.updateDeployment(name, existing.clusterName(), body(config, false)));
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
				return call("PUT /api/v2/deployments/{name}", DefaultBentoCloudClient.this.api()
					.updateDeployment(name, existing.clusterName(), body(fixed, false)));
			}).switchIfEmpty(Mono.defer(() -> create(config)));
		}

		@Override
		public Mono<Deployment> terminate(String name, @Nullable String cluster) {
			return call("POST /api/v2/deployments/{name}/terminate",
					DefaultBentoCloudClient.this.api().terminateDeployment(requireText(name, "name"), cluster));
		}

		@Override
		public Mono<Deployment> delete(String name, @Nullable String cluster) {
			return call("DELETE /api/v2/deployments/{name}",
					DefaultBentoCloudClient.this.api().deleteDeployment(requireText(name, "name"), cluster));
		}

		@Override
		public Flux<Deployment> waitUntilReady(String name, @Nullable String cluster, Duration timeout,
				Duration pollInterval) {
			requireText(name, "name");
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
							sink.error(new DeploymentNotReadyException("Deployment " + name
									+ " did not become ready: its status is " + deployment.status(), name,
									deployment.status(), false));
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

	}

	// Helpers

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
		return DeepMerge.withoutNulls(this.mapper.convertValue(config, Map.class));
	}

	private <T> Flux<T> paged(Function<Integer, Mono<Page<T>>> fetch) {
		return fetch.apply(0)
			.expand((page) -> page.hasMore() ? fetch.apply(page.nextStart()) : Mono.empty())
			.concatMapIterable(Page::items);
	}

	private <T> Mono<T> call(String operation, Mono<T> response) {
		return response.onErrorMap((ex) -> !(ex instanceof BentoCloudException),
				(ex) -> this.errors.translate(operation, ex));
	}

	private static <T> Mono<T> absentAsEmpty(Mono<T> response) {
		return response.onErrorResume(BentoCloudNotFoundException.class, (ex) -> Mono.empty());
	}

	private static Mono<Deployment> require(Mono<Deployment> deployment, String name) {
		return deployment
			.switchIfEmpty(Mono.error(() -> new BentoCloudNotFoundException("Deployment " + name + " not found",
					"GET /api/v2/deployments/{name}", 404, null, "")));
	}

	private static String requireText(@Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
		return value;
	}

}
