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
import dev.bentocloud.client.model.Cluster;
import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.DeploymentStatus;
import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.Page;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.SecretContent;
import dev.bentocloud.client.model.TokenExpiry;
import dev.bentocloud.client.model.UpdateSecretRequest;
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

	private final Duration callTimeout;

	private final int maxPages;

	private final BlockingBentoCloudClient blocking;

	private final ApiTokenOperations apiTokens = new ApiTokens();

	private final DeploymentOperations deployments = new Deployments();

	private final SecretOperations secrets = new Secrets();

	private final ClusterOperations clusters = new Clusters();

	/**
	 * @param api the HTTP interface, built on first use: building WebClient and its
	 * connector costs a few hundred milliseconds, which application startup should not
	 * pay
	 */
	DefaultBentoCloudClient(URI endpoint, Supplier<ManagementApi> api, HttpErrors errors, JsonMapper mapper,
			Duration callTimeout, int maxPages) {
		this.endpoint = endpoint;
		this.callTimeout = callTimeout;
		this.maxPages = maxPages;
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
	public SecretOperations secrets() {
		return this.secrets;
	}

	@Override
	public ClusterOperations clusters() {
		return this.clusters;
	}

	@Override
	public Flux<InstanceType> instanceTypes(@Nullable String cluster) {
		return call("GET /api/v1/instance_types", api().instanceTypes(orEmpty(cluster)))
			.flatMapIterable(Function.identity());
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
			return paged("GET /api/v1/api_tokens", (start) -> call("GET /api/v1/api_tokens",
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
				return call("POST /api/v2/deployments", DefaultBentoCloudClient.this.api()
					.createDeployment(orEmpty(config.cluster()), body(fixed, true)));
			});
		}

		@Override
		public Mono<Deployment> get(String name, @Nullable String cluster) {
			return absentAsEmpty(call("GET /api/v2/deployments/{name}",
					DefaultBentoCloudClient.this.api().getDeployment(requireText(name, "name"), orEmpty(cluster))));
		}

		/**
		 * Sends BentoML's parameters ({@code cluster}, {@code all=true} without a cluster
		 * and empty with one, {@code q}, {@code search}, empty when unset), but reads the
		 * list in numeric pages of {@link #PAGE_SIZE} ({@code start=0&count=100}, then on
		 * until {@code total}) instead of BentoML's two calls ({@code count=} to read
		 * {@code total}, then {@code count=<total>}): one call for most organizations,
		 * and no unbounded page.
		 */
		@Override
		public Flux<Deployment> list(DeploymentQuery query) {
			String q = orEmpty(query.queryString());
			String all = (query.cluster() == null) ? "true" : "";
			return paged("GET /api/v2/deployments",
					(start) -> call("GET /api/v2/deployments", DefaultBentoCloudClient.this.api()
						.listDeployments(orEmpty(query.cluster()), all, PAGE_SIZE, q, orEmpty(query.search()), start)));
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
						.updateDeployment(name, orEmpty(existing.clusterName()), body(config, false)));
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
					.updateDeployment(name, orEmpty(existing.clusterName()), body(fixed, false)));
			}).switchIfEmpty(Mono.defer(() -> create(config)));
		}

		@Override
		public Mono<Deployment> voidUpdate(String name, @Nullable String cluster) {
			return call("PUT /api/v2/deployments/{name}/void_update", DefaultBentoCloudClient.this.api()
				.voidUpdateDeployment(requireText(name, "name"), orEmpty(cluster)));
		}

		@Override
		public Mono<Deployment> terminate(String name, @Nullable String cluster) {
			return call("POST /api/v2/deployments/{name}/terminate", DefaultBentoCloudClient.this.api()
				.terminateDeployment(requireText(name, "name"), orEmpty(cluster)));
		}

		@Override
		public Mono<Deployment> delete(String name, @Nullable String cluster) {
			return call("DELETE /api/v2/deployments/{name}",
					DefaultBentoCloudClient.this.api().deleteDeployment(requireText(name, "name"), orEmpty(cluster)));
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

	private final class Secrets implements SecretOperations {

		/**
		 * Sends BentoML's parameters ({@code count}, {@code q=}, {@code search},
		 * {@code start}, {@code all=true}) but pages with {@code count=100} through every
		 * secret, where BentoML asks for {@code count=10} once.
		 */
		@Override
		public Flux<Secret> list(@Nullable String search) {
			return paged("GET /api/v1/org_secrets", (start) -> call("GET /api/v1/org_secrets",
					DefaultBentoCloudClient.this.api().listSecrets(PAGE_SIZE, "", orEmpty(search), start, "true")));
		}

		@Override
		public Mono<Secret> create(CreateSecretRequest request) {
			return Mono.defer(() -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("name", requireText(request.name(), "name"));
				body.put("content", content(request.content()));
				body.put("description", request.description());
				return call("POST /api/v1/org_secrets",
						DefaultBentoCloudClient.this.api().createSecret(request.cluster(), body));
			});
		}

		@Override
		public Mono<Secret> get(String name, @Nullable String cluster) {
			return absentAsEmpty(call("GET /api/v1/org_secrets/{name}",
					DefaultBentoCloudClient.this.api().getSecret(requireText(name, "name"), cluster)));
		}

		@Override
		public Mono<Secret> update(UpdateSecretRequest request) {
			return Mono.defer(() -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("content", content(request.content()));
				body.put("description", request.description());
				return call("PATCH /api/v1/org_secrets/{name}", DefaultBentoCloudClient.this.api()
					.updateSecret(requireText(request.name(), "name"), request.cluster(), body));
			});
		}

		@Override
		public Mono<Void> delete(String name, @Nullable String cluster) {
			return call("DELETE /api/v1/org_secrets/{name}",
					DefaultBentoCloudClient.this.api().deleteSecret(requireText(name, "name"), cluster));
		}

		/** {@code SecretContentSchema} with every key, unset ones as null. */
		private Map<String, Object> content(SecretContent content) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("type", requireText(content.type(), "content.type"));
			json.put("items", content.items().stream().map((item) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("key", requireText(item.key(), "item key"));
				entry.put("sub_path", item.subPath());
				entry.put("value", item.value());
				return entry;
			}).toList());
			json.put("path", content.path());
			json.put("stage", content.stage());
			return json;
		}

	}

	private final class Clusters implements ClusterOperations {

		/**
		 * Pages with {@code start/count} (BentoML's client takes caller-supplied
		 * parameters and never calls it).
		 */
		@Override
		public Flux<Cluster> list() {
			return paged("GET /api/v1/clusters", (start) -> call("GET /api/v1/clusters",
					DefaultBentoCloudClient.this.api().listClusters(start, PAGE_SIZE)));
		}

		@Override
		public Mono<Cluster> get(String name) {
			return absentAsEmpty(call("GET /api/v1/clusters/{name}",
					DefaultBentoCloudClient.this.api().getCluster(requireText(name, "name"))));
		}

	}

	// Helpers

	/** BentoML sends unset query parameters as empty values ({@code cluster=}). */
	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
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
		return DeepMerge.withoutNulls(this.mapper.convertValue(config, Map.class));
	}

	/**
	 * Every item of a list, page by page, as the pages arrive (memory stays bounded). A
	 * server that misbehaves cannot make this loop: each page must start where asked, an
	 * empty page ends the list, and there are never more pages than the first
	 * {@code total} allows (plus one) nor more than the configured maximum.
	 */
	private <T> Flux<T> paged(String operation, Function<Integer, Mono<Page<T>>> fetch) {
		return fetchPage(operation, fetch, 0, 1, -1).expand((fetched) -> {
			Page<T> page = fetched.page();
			int next = fetched.start() + page.items().size();
			if (page.items().isEmpty() || next >= page.total()) {
				return Mono.empty();
			}
			int pages = fetched.number() + 1;
			if (pages > fetched.firstTotal() + 1 || pages > this.maxPages) {
				return Mono
					.error(new BentoCloudMalformedResponseException(
							"Malformed response from BentoCloud for " + operation + " (" + this.endpoint + "): page "
									+ pages + " would exceed "
									+ ((pages > this.maxPages) ? "the maximum of " + this.maxPages + " pages"
											: "the " + (fetched.firstTotal() + 1) + " pages that a total of "
													+ fetched.firstTotal() + " allows")
									+ "; the list does not end (total " + page.total() + " after " + next + " items)",
							null));
			}
			return fetchPage(operation, fetch, next, pages, fetched.firstTotal());
		}).concatMapIterable((fetched) -> fetched.page().items());
	}

	private <T> Mono<FetchedPage<T>> fetchPage(String operation, Function<Integer, Mono<Page<T>>> fetch, int start,
			int number, int firstTotal) {
		return fetch.apply(start).map((page) -> {
			if (page.start() != start) {
				throw new BentoCloudMalformedResponseException("Malformed response from BentoCloud for " + operation
						+ " (" + this.endpoint + "): page " + number + " was asked for start=" + start
						+ " but starts at " + page.start() + "; the server does not page", null);
			}
			return new FetchedPage<>(page, start, number, (firstTotal >= 0) ? firstTotal : page.total());
		});
	}

	/**
	 * A page with where it was asked to start, its number (from 1), and the first page's
	 * total.
	 */
	private record FetchedPage<T>(Page<T> page, int start, int number, int firstTotal) {
	}

	/**
	 * One call: errors translated, and an overall deadline, retries included, so that a
	 * body that drips a byte at a time (which no read timeout catches) cannot hold a
	 * caller forever.
	 */
	private <T> Mono<T> call(String operation, Mono<T> response) {
		return response
			.timeout(this.callTimeout,
					Mono.error(() -> new BentoCloudTransportException(
							"Could not get a response from BentoCloud for " + operation + " within " + this.callTimeout
									+ " (the call timeout, bentocloud.call-timeout; retries included)",
							null)))
			.onErrorMap((ex) -> !(ex instanceof BentoCloudException), (ex) -> this.errors.translate(operation, ex));
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
