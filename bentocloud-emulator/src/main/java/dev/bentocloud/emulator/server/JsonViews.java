package dev.bentocloud.emulator.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the response shapes of contract section 3.3 with every required key present
 * (nullable ones as explicit {@code null}), plus a few keys the real schema does not
 * have, so that clients prove they ignore unknown keys.
 */
final class JsonViews {

	private final JsonMapper mapper;

	private final StoredOrganization organization;

	private final StoredUser owner;

	private final Function<String, String> deploymentUrl;

	JsonViews(JsonMapper mapper, StoredOrganization organization, StoredUser owner,
			Function<String, String> deploymentUrl) {
		this.mapper = mapper;
		this.organization = organization;
		this.owner = owner;
		this.deploymentUrl = deploymentUrl;
	}

	ObjectNode object() {
		return this.mapper.createObjectNode();
	}

	ArrayNode array() {
		return this.mapper.createArrayNode();
	}

	byte[] bytes(JsonNode node) {
		return this.mapper.writeValueAsBytes(node);
	}

	JsonNode parse(String body) {
		return this.mapper.readTree(body);
	}

	/**
	 * A list page's JSON with {@code total} replaced (a server whose total stays ahead).
	 */
	static byte[] withTotal(byte[] page, int total) {
		ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(page);
		json.put("total", total);
		return JsonMapper.shared().writeValueAsBytes(json);
	}

	static byte[] message(String message) {
		// Hand-built so that error replies need no mapper (the message holds no token).
		StringBuilder json = new StringBuilder("{\"message\":\"");
		for (char c : message.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
	}

	ObjectNode user(StoredUser user) {
		ObjectNode json = object();
		json.put("name", user.name());
		json.put("email", user.email());
		json.put("first_name", user.firstName());
		json.put("last_name", user.lastName());
		// Unknown to the client schema:
		json.put("uid", user.uid());
		json.put("avatar_url", "");
		json.putArray("permissions");
		json.put("x_emulator", true);
		return json;
	}

	ObjectNode organization() {
		ObjectNode json = resource(this.organization.uid(), this.organization.createdAt(), null, null,
				this.organization.name(), "organization");
		json.put("description", this.organization.description());
		json.put("x_emulator", true);
		json.putObject("config").put("plan", "emulated");
		return json;
	}

	ObjectNode cluster(String name) {
		ObjectNode json = resource(
				UUID.nameUUIDFromBytes(("cluster:" + name).getBytes(StandardCharsets.UTF_8)).toString(),
				this.organization.createdAt(), null, null, name, "cluster");
		json.put("description", "");
		json.put("organization_name", this.organization.name());
		json.set("creator", user(this.owner));
		json.put("is_first", "default".equals(name));
		json.put("x_emulator", true);
		return json;
	}

	ObjectNode secret(OrgSecret secret) {
		OrgSecret.State state = secret.state();
		ObjectNode json = resource(secret.uid, secret.createdAt, state.updatedAt(), null, secret.name, "secret");
		json.put("description", (state.description() != null) ? state.description() : "");
		json.set("creator", user(secret.creator));
		json.set("content", state.content().deepCopy());
		json.set("cluster", cluster(secret.cluster));
		json.put("x_emulator", true);
		return json;
	}

	ObjectNode token(StoredApiToken token, boolean withSecret, Instant now) {
		ObjectNode json = resource(token.uid, token.createdAt, null, null, token.name, "api_token");
		json.put("description", (token.description != null) ? token.description : "");
		ArrayNode scopes = json.putArray("scopes");
		token.scopes.forEach(scopes::add);
		json.set("user", user(token.user));
		json.set("organization", organization());
		putInstant(json, "expired_at", token.expiredAt);
		putInstant(json, "last_used_at", token.lastUsedAt());
		json.put("is_expired", token.isExpired(now));
		json.put("is_api_token", true);
		json.put("is_organization_token", false);
		json.put("is_global_access", false);
		if (withSecret) {
			json.put("token", token.value);
		}
		else {
			json.putNull("token");
		}
		json.put("x_emulator", true);
		return json;
	}

	ObjectNode deployment(StoredDeployment deployment) {
		StoredDeployment.State state = deployment.state();
		ObjectNode json = resource(deployment.uid, deployment.createdAt, state.updatedAt(), state.deletedAt(),
				deployment.name, "deployment");
		json.set("labels", state.labels());
		json.put("status", state.status());
		json.put("kube_namespace", "yatai");
		json.set("creator", user(deployment.creator));
		json.set("cluster", cluster(deployment.cluster));
		json.set("latest_revision", revision(deployment, state));
		ObjectNode manifest = json.putObject("manifest");
		manifest.put("dev", deployment.dev);
		manifest.putNull("routing");
		// Get and list answers alike carry the service URL.
		json.putArray("urls").add(this.deploymentUrl.apply(deployment.name));
		json.put("mode", "function");
		json.put("x_emulator", true);
		return json;
	}

	private ObjectNode revision(StoredDeployment deployment, StoredDeployment.State state) {
		ObjectNode revision = resource(state.revisionUid(), state.revisionCreatedAt(), null, null,
				deployment.name + "-r" + state.revision(), "deployment_revision");
		revision.set("creator", user(state.revisionCreator()));
		revision.put("status", "active");
		ObjectNode target = resource(
				UUID.nameUUIDFromBytes((state.revisionUid() + ":main").getBytes(StandardCharsets.UTF_8)).toString(),
				state.revisionCreatedAt(), null, null, "main", "deployment_target");
		target.set("creator", user(state.revisionCreator()));
		target.set("config", state.config());
		target.set("bento", bento(state.bentoRepository(), state.bentoVersion(), state.revisionCreatedAt()));
		target.putNull("kube_resource_uid");
		target.putNull("kube_resource_version");
		revision.putArray("targets").add(target);
		return revision;
	}

	private ObjectNode bento(String repository, String version, Instant createdAt) {
		ObjectNode bento = resource(uid("bento:" + repository + ":" + version), createdAt, null, null, version,
				"bento");
		bento.put("description", "");
		bento.put("version", version);
		bento.put("image_build_status", "success");
		bento.put("upload_status", "success");
		bento.put("upload_finished_reason", "");
		bento.put("presigned_upload_url", "");
		bento.put("presigned_download_url", "");
		bento.putNull("manifest");
		ObjectNode repo = resource(uid("bento_repository:" + repository), this.organization.createdAt(), null, null,
				repository, "bento_repository");
		repo.put("description", "");
		repo.putNull("latest_bento");
		bento.set("repository", repo);
		return bento;
	}

	ArrayNode instanceTypes() {
		ArrayNode types = array();
		types.add(instanceType("cpu.1", "cpu.1", "1 vCPU, 2 GiB", "cpu", "1", "2Gi", null, null, "0.05"));
		types.add(instanceType("cpu.2", "cpu.2", "2 vCPU, 8 GiB", "cpu", "2", "8Gi", null, null, "0.11"));
		types.add(instanceType("gpu.t4.1", "Nvidia T4", "1 x T4, 4 vCPU, 16 GiB", "gpu", "4", "16Gi", "1",
				"nvidia-tesla-t4", "0.64"));
		return types;
	}

	private ObjectNode instanceType(String name, String displayName, String description, String group, String cpu,
			String memory, @Nullable String gpu, @Nullable String gpuType, String price) {
		ObjectNode json = resource(uid("resource_instance:" + name), this.organization.createdAt(), null, null, name,
				"resource_instance");
		json.put("display_name", displayName);
		json.put("description", description);
		ObjectNode config = json.putObject("config");
		config.put("group", group);
		ObjectNode resources = config.putObject("resources");
		ObjectNode requests = resources.putObject("requests");
		requests.put("cpu", cpu);
		requests.put("memory", memory);
		if (gpu != null) {
			requests.put("gpu", gpu);
		}
		else {
			requests.putNull("gpu");
		}
		requests.putNull("custom");
		resources.set("limits", requests.deepCopy());
		config.put("price", price);
		config.putObject("node_selectors");
		if (gpuType != null) {
			ObjectNode gpuConfig = config.putObject("gpu_config");
			gpuConfig.put("type", gpuType);
			gpuConfig.put("memory", "16Gi");
		}
		else {
			config.putNull("gpu_config");
		}
		json.put("x_emulator", true);
		return json;
	}

	ObjectNode page(int start, int count, int total, List<? extends JsonNode> items) {
		ObjectNode json = object();
		json.put("start", start);
		json.put("count", count);
		json.put("total", total);
		json.putArray("items").addAll(items);
		json.put("x_emulator", true);
		return json;
	}

	private ObjectNode resource(String uid, Instant createdAt, @Nullable Instant updatedAt, @Nullable Instant deletedAt,
			String name, String resourceType) {
		ObjectNode json = object();
		json.put("uid", uid);
		putInstant(json, "created_at", createdAt);
		putInstant(json, "updated_at", updatedAt);
		putInstant(json, "deleted_at", deletedAt);
		json.put("name", name);
		json.put("resource_type", resourceType);
		json.putArray("labels");
		return json;
	}

	private static void putInstant(ObjectNode json, String key, @Nullable Instant instant) {
		if (instant != null) {
			json.put(key, instant.toString());
		}
		else {
			json.putNull(key);
		}
	}

	private static String uid(String seed) {
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
