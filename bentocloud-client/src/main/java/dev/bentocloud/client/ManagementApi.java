package dev.bentocloud.client;

import java.util.List;
import java.util.Map;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.Cluster;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.Page;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The BentoCloud management endpoints (contract 3.1). Optional query parameters are sent
 * only when not {@code null}; an empty string is sent as {@code name=} (BentoML sends
 * {@code cluster=} that way when no cluster is chosen). Path variables are
 * percent-encoded.
 */
@HttpExchange(accept = "application/json")
interface ManagementApi {

	@GetExchange("/api/v1/auth/current")
	Mono<User> currentUser();

	@GetExchange("/api/v1/current_org")
	Mono<Organization> currentOrganization();

	@GetExchange("/api/v1/api_tokens")
	Mono<Page<ApiToken>> listApiTokens(@RequestParam int start, @RequestParam int count,
			@RequestParam(required = false) @Nullable String search);

	@PostExchange(url = "/api/v1/api_tokens", contentType = "application/json")
	Mono<ApiToken> createApiToken(@RequestBody Map<String, Object> body);

	@GetExchange("/api/v1/api_tokens/{uid}")
	Mono<ApiToken> getApiToken(@PathVariable String uid);

	@DeleteExchange("/api/v1/api_tokens/{uid}")
	Mono<Void> deleteApiToken(@PathVariable String uid);

	@PostExchange(url = "/api/v2/deployments", contentType = "application/json")
	Mono<Deployment> createDeployment(@RequestParam @Nullable String cluster, @RequestBody Map<String, Object> body);

	@GetExchange("/api/v2/deployments/{name}")
	Mono<Deployment> getDeployment(@PathVariable String name, @RequestParam @Nullable String cluster);

	@GetExchange("/api/v2/deployments")
	Mono<Page<Deployment>> listDeployments(@RequestParam @Nullable String cluster, @RequestParam String all,
			@RequestParam int count, @RequestParam @Nullable String q, @RequestParam @Nullable String search,
			@RequestParam int start);

	@PutExchange(url = "/api/v2/deployments/{name}", contentType = "application/json")
	Mono<Deployment> updateDeployment(@PathVariable String name, @RequestParam @Nullable String cluster,
			@RequestBody Map<String, Object> body);

	@PutExchange("/api/v2/deployments/{name}/void_update")
	Mono<Deployment> voidUpdateDeployment(@PathVariable String name, @RequestParam @Nullable String cluster);

	@PostExchange("/api/v2/deployments/{name}/terminate")
	Mono<Deployment> terminateDeployment(@PathVariable String name, @RequestParam @Nullable String cluster);

	@DeleteExchange("/api/v2/deployments/{name}")
	Mono<Deployment> deleteDeployment(@PathVariable String name, @RequestParam @Nullable String cluster);

	@GetExchange("/api/v1/instance_types")
	Mono<List<InstanceType>> instanceTypes(@RequestParam @Nullable String cluster);

	@GetExchange("/api/v1/org_secrets")
	Mono<Page<Secret>> listSecrets(@RequestParam int count, @RequestParam @Nullable String q,
			@RequestParam @Nullable String search, @RequestParam int start, @RequestParam String all);

	@PostExchange(url = "/api/v1/org_secrets", contentType = "application/json")
	Mono<Secret> createSecret(@RequestParam(required = false) @Nullable String cluster, @RequestBody SecretBody body);

	@GetExchange("/api/v1/org_secrets/{name}")
	Mono<Secret> getSecret(@PathVariable String name, @RequestParam(required = false) @Nullable String cluster);

	@PatchExchange(url = "/api/v1/org_secrets/{name}", contentType = "application/json")
	Mono<Secret> updateSecret(@PathVariable String name, @RequestParam(required = false) @Nullable String cluster,
			@RequestBody SecretBody body);

	@DeleteExchange("/api/v1/org_secrets/{name}")
	Mono<Void> deleteSecret(@PathVariable String name, @RequestParam(required = false) @Nullable String cluster);

	@GetExchange("/api/v1/clusters")
	Mono<Page<Cluster>> listClusters(@RequestParam int start, @RequestParam int count);

	@GetExchange("/api/v1/clusters/{name}")
	Mono<Cluster> getCluster(@PathVariable String name);

}
