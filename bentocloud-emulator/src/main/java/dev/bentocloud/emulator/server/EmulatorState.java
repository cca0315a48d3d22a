package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the emulator knows: organization, users, tokens, deployments, secrets,
 * clusters, and behaviour switches.
 */
final class EmulatorState {

	final StoredOrganization organization;

	final StoredUser owner;

	final TokenStore tokens = new TokenStore();

	final DeploymentStore deployments = new DeploymentStore();

	final SecretStore secrets = new SecretStore();

	final ClusterStore clusters = new ClusterStore();

	final JsonViews views;

	final RequestRecorder recorder;

	/** The API each deployment's service serves. */
	final ServiceApis serviceApis;

	/** Submitted tasks of task routes, by task id. */
	final Map<String, ServiceTask> serviceTasks = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, StoredUser> usersByName = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, byte[]> userJson = new ConcurrentHashMap<>();

	private volatile Duration deploymentReadyAfter;

	private volatile boolean legacyNotFound;

	private volatile String baseUrl = "http://127.0.0.1:0";

	EmulatorState(Duration deploymentReadyAfter, int maxRecordedRequests, ServedApi fallbackApi) {
		Instant now = Instant.now();
		this.organization = new StoredOrganization(UUID.randomUUID().toString(), "acme", "The emulated organization",
				now);
		this.owner = new StoredUser(UUID.randomUUID().toString(), "demo", "demo@example.com", "Demo", "User", now);
		this.usersByName.put(this.owner.name(), this.owner);
		this.views = new JsonViews(JsonMapper.builder().build(), this.organization, this.owner, this::deploymentUrl);
		this.recorder = new RequestRecorder(maxRecordedRequests);
		this.deploymentReadyAfter = deploymentReadyAfter;
		this.serviceApis = new ServiceApis(fallbackApi);
	}

	StoredUser addUser(String name, String email) {
		StoredUser user = new StoredUser(UUID.randomUUID().toString(), name, email, name, "", Instant.now());
		if (this.usersByName.putIfAbsent(name, user) != null) {
			throw new IllegalArgumentException("A user named '" + name + "' already exists; choose another name");
		}
		return user;
	}

	/** Forgets every user but these (by name). */
	void retainUsers(Set<String> names) {
		this.usersByName.keySet().retainAll(names);
	}

	Set<String> userNames() {
		return Set.copyOf(this.usersByName.keySet());
	}

	/**
	 * The user's JSON, rendered once: users never change, and this is the hottest
	 * endpoint.
	 */
	byte[] userJson(StoredUser user) {
		return this.userJson.computeIfAbsent(user.uid(), (uid) -> this.views.bytes(this.views.user(user)));
	}

	String deploymentUrl(String name) {
		return this.baseUrl + "/__services/" + name;
	}

	void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	Duration deploymentReadyAfter() {
		return this.deploymentReadyAfter;
	}

	void setDeploymentReadyAfter(Duration deploymentReadyAfter) {
		this.deploymentReadyAfter = deploymentReadyAfter;
	}

	boolean legacyNotFound() {
		return this.legacyNotFound;
	}

	void setLegacyNotFound(boolean legacyNotFound) {
		this.legacyNotFound = legacyNotFound;
	}

}
