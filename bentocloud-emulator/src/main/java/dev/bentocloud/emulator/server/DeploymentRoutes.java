package dev.bentocloud.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v2/deployments}: create, list (by cluster, search and query terms), read,
 * update, terminate, redeploy and delete deployments.
 */
final class DeploymentRoutes {

	static final String PATH = "/api/v2/deployments";

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private final EmulatorState state;

	private final ManagementRequests requests;

	DeploymentRoutes(EmulatorState state, ManagementRequests requests) {
		this.state = state;
		this.requests = requests;
	}

	Reply handle(ApiRequest request, StoredUser user) {
		String method = request.method();
		if (request.path().equals(PATH)) {
			return switch (method) {
				case "GET" -> list(request);
				case "POST" -> create(request, user);
				default -> throw ManagementRequests.methodNotAllowed(request);
			};
		}
		String rest = request.path().substring(PATH.length() + 1);
		int slash = rest.indexOf('/');
		String name = (slash >= 0) ? rest.substring(0, slash) : rest;
		String action = (slash >= 0) ? rest.substring(slash + 1) : "";
		switch (action) {
			case "" -> {
				return switch (method) {
					case "GET" -> this.requests.ok(this.state.views.deployment(find(request, name)));
					case "PUT" -> update(request, name, user);
					case "DELETE" -> delete(request, name);
					default -> throw ManagementRequests.methodNotAllowed(request);
				};
			}
			case "terminate" -> {
				ManagementRequests.requireMethod(request, "POST");
				StoredDeployment toStop = find(request, name);
				toStop.terminate(this.state.deploymentReadyAfter());
				return this.requests.ok(this.state.views.deployment(toStop));
			}
			case "void_update" -> {
				ManagementRequests.requireMethod(request, "PUT");
				StoredDeployment toRedeploy = find(request, name);
				toRedeploy.redeploy(user, this.state.deploymentReadyAfter());
				return this.requests.ok(this.state.views.deployment(toRedeploy));
			}
			default -> throw ManagementRequests.noSuchEndpoint(request);
		}
	}

	private Reply list(ApiRequest request) {
		String cluster = request.param("cluster");
		String search = request.param("search");
		String lowerSearch = (search != null) ? search.toLowerCase(Locale.ROOT) : null;
		List<String> terms = new ArrayList<>();
		String q = request.param("q");
		if (q != null) {
			terms.addAll(List.of(q.trim().split("\\s+")));
		}
		List<StoredDeployment> matching = new ArrayList<>();
		for (StoredDeployment deployment : this.state.deployments.all()) {
			if ((cluster == null || cluster.equals(deployment.cluster))
					&& (lowerSearch == null || deployment.name.toLowerCase(Locale.ROOT).contains(lowerSearch))
					&& matchesQuery(deployment, terms)) {
				matching.add(deployment);
			}
		}
		return this.requests.page(request, matching, this.state.views::deployment);
	}

	/**
	 * The terms of {@code q}: {@code is:dev}, {@code label:key[=value]}, or a name part.
	 */
	private static boolean matchesQuery(StoredDeployment deployment, List<String> terms) {
		for (String term : terms) {
			if (term.isEmpty()) {
				continue;
			}
			if (term.equals("is:dev")) {
				if (!deployment.dev) {
					return false;
				}
			}
			else if (term.startsWith("label:")) {
				String label = term.substring("label:".length());
				int eq = label.indexOf('=');
				String key = (eq >= 0) ? label.substring(0, eq) : label;
				String value = (eq >= 0) ? label.substring(eq + 1) : null;
				boolean found = false;
				for (JsonNode item : deployment.state().labels()) {
					found |= key.equals(item.path("key").asString(""))
							&& (value == null || value.equals(item.path("value").asString("")));
				}
				if (!found) {
					return false;
				}
			}
			else if (!deployment.name.contains(term)) {
				return false;
			}
		}
		return true;
	}

	private Reply create(ApiRequest request, StoredUser user) {
		ObjectNode body = this.requests.jsonObject(request,
				"{\"bento\": \"iris:abc123\", \"name\": null, \"services\": {}}");
		DeploymentSpec spec = spec(body);
		String name = ManagementRequests.optionalString(body, "name");
		if (name == null || name.isEmpty()) {
			name = generateName(spec.bentoRepository());
		}
		else if (!NAME.matcher(name).matches()) {
			throw new ApiException(400, "Invalid deployment name '" + name
					+ "': use 1-63 lower-case letters, digits and '-', starting and ending with a letter or digit");
		}
		String cluster = request.param("cluster");
		boolean dev = body.path("dev").asBoolean(false);
		cluster = (cluster != null) ? cluster : ClusterStore.DEFAULT;
		this.state.clusters.ensure(cluster);
		StoredDeployment created = this.state.deployments.create(name, cluster, user, dev, spec,
				this.state.deploymentReadyAfter());
		if (created == null) {
			throw new ApiException(409, "Deployment " + name + " already exists; choose another name or update it");
		}
		return this.requests.ok(this.state.views.deployment(created));
	}

	private Reply update(ApiRequest request, String name, StoredUser user) {
		StoredDeployment deployment = find(request, name);
		ObjectNode body = this.requests.jsonObject(request, "{\"bento\": \"iris:abc123\", \"services\": {}}");
		deployment.update(user, spec(body), this.state.deploymentReadyAfter());
		return this.requests.ok(this.state.views.deployment(deployment));
	}

	private Reply delete(ApiRequest request, String name) {
		StoredDeployment deployment = find(request, name);
		if (this.state.deployments.remove(name) == null) {
			throw new ApiException(404, "Deployment " + name + " not found");
		}
		deployment.markDeleted();
		return this.requests.ok(this.state.views.deployment(deployment));
	}

	private StoredDeployment find(ApiRequest request, String name) {
		StoredDeployment deployment = this.state.deployments.find(name);
		String cluster = request.param("cluster");
		if (deployment == null || (cluster != null && !cluster.equals(deployment.cluster))) {
			throw new ApiException(404,
					"Deployment " + name + " not found" + ((cluster != null) ? " in cluster " + cluster : ""));
		}
		return deployment;
	}

	/**
	 * The config the client sent (every key kept, defaults filled in), its labels and
	 * bento.
	 */
	private DeploymentSpec spec(ObjectNode body) {
		String bento = ManagementRequests.optionalString(body, "bento");
		if (bento == null || bento.isBlank()) {
			throw new ApiException(400, "bento is required: send \"bento\": \"<repository>:<version>\"");
		}
		int colon = bento.indexOf(':');
		String repository = (colon >= 0) ? bento.substring(0, colon) : bento;
		String version = (colon >= 0) ? bento.substring(colon + 1) : "latest";
		if (repository.isEmpty() || version.isEmpty()) {
			throw new ApiException(400, "bento '" + bento + "' must look like \"<repository>:<version>\"");
		}
		ObjectNode config = body.deepCopy();
		config.remove(List.of("bento", "name", "dev", "cluster"));
		JsonNode services = config.get("services");
		if (services == null || services.isNull()) {
			config.putObject("services");
		}
		else if (!services.isObject()) {
			throw new ApiException(400, "services must be a JSON object keyed by service name");
		}
		if (!config.has("access_authorization") || config.get("access_authorization").isNull()) {
			config.put("access_authorization", false);
		}
		for (String key : List.of("envs", "labels", "secrets", "canary")) {
			if (!config.has(key)) {
				config.putNull(key);
			}
		}
		JsonNode labelsNode = body.get("labels");
		ArrayNode labels = (labelsNode != null && labelsNode.isArray()) ? (ArrayNode) labelsNode.deepCopy()
				: this.state.views.array();
		return new DeploymentSpec(config, labels, repository, version);
	}

	private String generateName(String repository) {
		String base = repository.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
		if (base.isEmpty() || base.length() > 50) {
			base = "deployment";
		}
		String name;
		do {
			name = base + "-" + Integer
				.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36, 36 * 36 * 36 * 36 * 36), 36);
		}
		while (this.state.deployments.find(name) != null);
		return name;
	}

}
