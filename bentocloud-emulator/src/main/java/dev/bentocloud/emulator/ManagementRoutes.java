package dev.bentocloud.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The management API under {@code /api}: authenticated by {@code X-YATAI-API-TOKEN} only.
 */
final class ManagementRoutes {

	static final String TOKEN_HEADER = "X-YATAI-API-TOKEN";

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private static final Reply UNAUTHORIZED = Reply.message(401, "Bad credentials");

	private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	/**
	 * The naive form the Python client sends ("2026-06-01 12:30:00.000000"), also with a
	 * T.
	 */
	private static final DateTimeFormatter NAIVE = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.append(DateTimeFormatter.ofPattern("HH:mm[:ss]"))
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private final EmulatorState state;

	ManagementRoutes(EmulatorState state) {
		this.state = state;
	}

	Reply handle(ApiRequest request) {
		StoredApiToken caller = this.state.tokens.authenticate(request.header(TOKEN_HEADER));
		if (caller == null) {
			return UNAUTHORIZED;
		}
		try {
			return route(request, caller.user);
		}
		catch (ApiException ex) {
			return ex.reply();
		}
	}

	private Reply route(ApiRequest request, StoredUser user) {
		String path = request.path();
		String method = request.method();
		switch (path) {
			case "/api/v1/auth/current":
				requireMethod(request, "GET");
				return Reply.json(200, this.state.userJson(user));
			case "/api/v1/current_org":
				requireMethod(request, "GET");
				return ok(this.state.views.organization());
			case "/api/v1/instance_types":
				requireMethod(request, "GET");
				return ok(this.state.views.instanceTypes());
			case "/api/v1/api_tokens":
				return switch (method) {
					case "GET" -> listTokens(request, user);
					case "POST" -> createToken(request, user);
					default -> throw methodNotAllowed(request);
				};
			case "/api/v1/org_secrets":
				return switch (method) {
					case "GET" -> listSecrets(request);
					case "POST" -> createSecret(request, user);
					default -> throw methodNotAllowed(request);
				};
			case "/api/v1/clusters":
				requireMethod(request, "GET");
				return page(request, this.state.clusters.all(), this.state.views::cluster);
			case "/api/v2/deployments":
				return switch (method) {
					case "GET" -> listDeployments(request);
					case "POST" -> createDeployment(request, user);
					default -> throw methodNotAllowed(request);
				};
			default:
				break;
		}
		if (path.startsWith("/api/v1/api_tokens/")) {
			String uid = lastSegment(path, "/api/v1/api_tokens/");
			return switch (method) {
				case "GET" -> getToken(uid, user);
				case "DELETE" -> deleteToken(uid, user);
				default -> throw methodNotAllowed(request);
			};
		}
		if (path.startsWith("/api/v1/org_secrets/")) {
			String name = lastSegment(path, "/api/v1/org_secrets/");
			return switch (method) {
				case "GET" -> ok(this.state.views.secret(findSecret(request, name)));
				case "PATCH" -> updateSecret(request, name);
				case "DELETE" -> deleteSecret(request, name);
				default -> throw methodNotAllowed(request);
			};
		}
		if (path.startsWith("/api/v1/clusters/")) {
			String name = lastSegment(path, "/api/v1/clusters/");
			requireMethod(request, "GET");
			if (!this.state.clusters.exists(name)) {
				throw new ApiException(404, "Cluster " + name + " not found");
			}
			return ok(this.state.views.cluster(name));
		}
		if (path.startsWith("/api/v2/deployments/")) {
			String rest = path.substring("/api/v2/deployments/".length());
			int slash = rest.indexOf('/');
			String name = (slash >= 0) ? rest.substring(0, slash) : rest;
			String action = (slash >= 0) ? rest.substring(slash + 1) : "";
			switch (action) {
				case "":
					return switch (method) {
						case "GET" -> ok(this.state.views.deployment(findDeployment(request, name)));
						case "PUT" -> updateDeployment(request, name, user);
						case "DELETE" -> deleteDeployment(request, name);
						default -> throw methodNotAllowed(request);
					};
				case "terminate":
					requireMethod(request, "POST");
					StoredDeployment toStop = findDeployment(request, name);
					toStop.terminate(this.state.deploymentReadyAfter());
					return ok(this.state.views.deployment(toStop));
				case "void_update":
					requireMethod(request, "PUT");
					StoredDeployment toRedeploy = findDeployment(request, name);
					toRedeploy.redeploy(user, this.state.deploymentReadyAfter());
					return ok(this.state.views.deployment(toRedeploy));
				default:
					break;
			}
		}
		throw new ApiException(404, "No such endpoint: " + method + " " + path);
	}

	// ---- API tokens

	private Reply listTokens(ApiRequest request, StoredUser user) {
		List<StoredApiToken> matching = this.state.tokens.list(user, request.param("search"));
		Instant now = Instant.now();
		return page(request, matching, (token) -> this.state.views.token(token, false, now));
	}

	private Reply createToken(ApiRequest request, StoredUser user) {
		ObjectNode body = jsonObject(request,
				"{\"name\": \"ci\", \"description\": null, \"scopes\": null, \"expired_at\": null}");
		String name = optionalString(body, "name");
		if (name == null || name.isBlank()) {
			throw new ApiException(400, "name is required: send a non-empty \"name\" in the JSON body");
		}
		String description = optionalString(body, "description");
		List<String> scopes = new ArrayList<>();
		JsonNode scopesNode = body.get("scopes");
		if (scopesNode != null && !scopesNode.isNull()) {
			if (!scopesNode.isArray()) {
				throw new ApiException(400, "scopes must be a JSON array of strings or null");
			}
			for (JsonNode scope : scopesNode) {
				if (!scope.isString()) {
					throw new ApiException(400, "scopes must be a JSON array of strings or null");
				}
				scopes.add(scope.stringValue());
			}
		}
		Instant expiredAt = parseExpiredAt(optionalString(body, "expired_at"));
		StoredApiToken token = this.state.tokens.create(user, name, description, scopes, expiredAt);
		return ok(this.state.views.token(token, true, Instant.now()));
	}

	private Reply getToken(String uid, StoredUser user) {
		return ok(this.state.views.token(findToken(uid, user), false, Instant.now()));
	}

	private Reply deleteToken(String uid, StoredUser user) {
		StoredApiToken token = findToken(uid, user);
		this.state.tokens.delete(token.uid);
		return ok(this.state.views.token(token, false, Instant.now()));
	}

	private StoredApiToken findToken(String uid, StoredUser user) {
		StoredApiToken token = this.state.tokens.findByUid(uid);
		if (token == null || !token.user.uid().equals(user.uid())) {
			throw this.state.legacyNotFound() ? new ApiException(400, "record not found")
					: new ApiException(404, "API token " + uid + " not found");
		}
		return token;
	}

	static @Nullable Instant parseExpiredAt(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not ISO with a zone; try the naive forms below (read as UTC)
		}
		try {
			return LocalDateTime.parse(value, NAIVE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// nor naive date-time
		}
		try {
			return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new ApiException(400,
					"expired_at '" + value
							+ "' is not a date-time: use \"YYYY-MM-DD HH:MM:SS.ffffff\" (UTC), ISO-8601 such as"
							+ " \"2026-06-01T12:30:00Z\", or null for a token that never expires");
		}
	}

	// ---- Deployments

	private Reply listDeployments(ApiRequest request) {
		String cluster = request.param("cluster");
		String search = lower(request.param("search"));
		List<String> terms = new ArrayList<>();
		String q = request.param("q");
		if (q != null) {
			terms.addAll(List.of(q.trim().split("\\s+")));
		}
		List<StoredDeployment> matching = new ArrayList<>();
		for (StoredDeployment deployment : this.state.deployments.all()) {
			if ((cluster == null || cluster.equals(deployment.cluster))
					&& (search == null || deployment.name.toLowerCase(Locale.ROOT).contains(search))
					&& matchesQuery(deployment, terms)) {
				matching.add(deployment);
			}
		}
		return page(request, matching, this.state.views::deployment);
	}

	private boolean matchesQuery(StoredDeployment deployment, List<String> terms) {
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

	private Reply createDeployment(ApiRequest request, StoredUser user) {
		ObjectNode body = jsonObject(request, "{\"bento\": \"iris:abc123\", \"name\": null, \"services\": {}}");
		DeploymentSpec spec = spec(body);
		String name = optionalString(body, "name");
		if (name == null || name.isEmpty()) {
			name = generateName(spec.bentoRepository());
		}
		else if (!DEPLOYMENT_NAME.matcher(name).matches()) {
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
		return ok(this.state.views.deployment(created));
	}

	private Reply updateDeployment(ApiRequest request, String name, StoredUser user) {
		StoredDeployment deployment = findDeployment(request, name);
		ObjectNode body = jsonObject(request, "{\"bento\": \"iris:abc123\", \"services\": {}}");
		deployment.update(user, spec(body), this.state.deploymentReadyAfter());
		return ok(this.state.views.deployment(deployment));
	}

	private Reply deleteDeployment(ApiRequest request, String name) {
		StoredDeployment deployment = findDeployment(request, name);
		if (this.state.deployments.remove(name) == null) {
			throw new ApiException(404, "Deployment " + name + " not found");
		}
		deployment.markDeleted();
		return ok(this.state.views.deployment(deployment));
	}

	private StoredDeployment findDeployment(ApiRequest request, String name) {
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
		String bento = optionalString(body, "bento");
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

	// ---- Secrets

	private static final String SECRET_EXAMPLE = "{\"name\": \"s\", \"content\": {\"type\": \"env\", \"items\": "
			+ "[{\"key\": \"K\", \"sub_path\": null, \"value\": \"V\"}], \"path\": null, \"stage\": \"runtime\"}, "
			+ "\"description\": null}";

	private Reply listSecrets(ApiRequest request) {
		return page(request, this.state.secrets.list(request.param("search")), this.state.views::secret);
	}

	private Reply createSecret(ApiRequest request, StoredUser user) {
		ObjectNode body = jsonObject(request, SECRET_EXAMPLE);
		String name = optionalString(body, "name");
		if (name == null || name.isBlank()) {
			throw new ApiException(400, "name is required: send a non-empty \"name\" in the JSON body");
		}
		ObjectNode content = secretContent(body);
		String cluster = request.param("cluster");
		cluster = (cluster != null) ? cluster : ClusterStore.DEFAULT;
		this.state.clusters.ensure(cluster);
		OrgSecret created = this.state.secrets.create(name, cluster, user, content,
				optionalString(body, "description"));
		if (created == null) {
			throw new ApiException(409, "Secret " + name + " already exists; update it with PATCH instead");
		}
		return ok(this.state.views.secret(created));
	}

	private Reply updateSecret(ApiRequest request, String name) {
		OrgSecret secret = findSecret(request, name);
		ObjectNode body = jsonObject(request, "{\"content\": {...}, \"description\": null}");
		secret.update(secretContent(body), optionalString(body, "description"));
		return ok(this.state.views.secret(secret));
	}

	private Reply deleteSecret(ApiRequest request, String name) {
		OrgSecret secret = findSecret(request, name);
		if (this.state.secrets.remove(name) == null) {
			throw new ApiException(404, "Secret " + name + " not found");
		}
		return ok(this.state.views.secret(secret));
	}

	private OrgSecret findSecret(ApiRequest request, String name) {
		OrgSecret secret = this.state.secrets.find(name);
		String cluster = request.param("cluster");
		if (secret == null || (cluster != null && !cluster.equals(secret.cluster))) {
			throw this.state.legacyNotFound() ? new ApiException(400, "record not found") : new ApiException(404,
					"Secret " + name + " not found" + ((cluster != null) ? " in cluster " + cluster : ""));
		}
		return secret;
	}

	/**
	 * {@code SecretContentSchema}: type env or mountfile, items with a string key; kept
	 * as sent.
	 */
	private static ObjectNode secretContent(ObjectNode body) {
		JsonNode content = body.get("content");
		if (content == null || !content.isObject()) {
			throw new ApiException(400, "content is required: send \"content\": {\"type\": \"env\", \"items\": [...]}");
		}
		String type = content.path("type").isString() ? content.get("type").stringValue() : null;
		if (!"env".equals(type) && !"mountfile".equals(type)) {
			throw new ApiException(400, "content.type must be \"env\" or \"mountfile\"");
		}
		JsonNode items = content.get("items");
		if (items == null || !items.isArray()) {
			throw new ApiException(400, "content.items must be a JSON array of {key, sub_path, value}");
		}
		for (JsonNode item : items) {
			if (!item.isObject() || !item.path("key").isString() || item.get("key").stringValue().isEmpty()) {
				throw new ApiException(400, "every content.items entry needs a non-empty string \"key\"");
			}
		}
		ObjectNode copy = (ObjectNode) content.deepCopy();
		for (String key : List.of("path", "stage")) {
			if (!copy.has(key)) {
				copy.putNull(key);
			}
		}
		return copy;
	}

	// ---- helpers

	private <T> Reply page(ApiRequest request, List<T> all, java.util.function.Function<T, ObjectNode> render) {
		int start = intParam(request, "start", 0);
		int count = Math.min(intParam(request, "count", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
		List<ObjectNode> items = new ArrayList<>();
		for (int i = start; i < all.size() && i < start + count; i++) {
			items.add(render.apply(all.get(i)));
		}
		return ok(this.state.views.page(start, count, all.size(), items));
	}

	private static int intParam(ApiRequest request, String name, int defaultValue) {
		String value = request.param(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ApiException(400, "Query parameter " + name + "='" + value + "' must be a non-negative integer");
	}

	private ObjectNode jsonObject(ApiRequest request, String example) {
		JsonNode node;
		try {
			node = request.body().isBlank() ? null : this.state.views.parse(request.body());
		}
		catch (JacksonException ex) {
			throw new ApiException(400, "Request body is not valid JSON; send a JSON object such as " + example);
		}
		if (node == null || !node.isObject()) {
			throw new ApiException(400, "Request body must be a JSON object such as " + example);
		}
		return (ObjectNode) node;
	}

	private static @Nullable String optionalString(ObjectNode body, String key) {
		JsonNode value = body.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new ApiException(400, key + " must be a string or null");
		}
		return value.stringValue();
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	private static String lastSegment(String path, String prefix) {
		String rest = path.substring(prefix.length());
		if (rest.isEmpty() || rest.contains("/")) {
			throw new ApiException(404, "No such endpoint: " + path);
		}
		return rest;
	}

	private static void requireMethod(ApiRequest request, String method) {
		if (!request.method().equals(method)) {
			throw methodNotAllowed(request);
		}
	}

	private static ApiException methodNotAllowed(ApiRequest request) {
		return new ApiException(405, "Method " + request.method() + " is not allowed on " + request.path());
	}

	private Reply ok(JsonNode json) {
		return Reply.json(200, this.state.views.bytes(json));
	}

}
