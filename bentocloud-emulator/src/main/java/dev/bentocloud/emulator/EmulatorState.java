package dev.bentocloud.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the emulator knows: organization, users, tokens, deployments, and behaviour
 * switches.
 */
final class EmulatorState {

	final Organization organization;

	final User owner;

	final TokenStore tokens = new TokenStore();

	final DeploymentStore deployments = new DeploymentStore();

	final JsonViews views;

	final Faults faults = new Faults();

	final RequestRecorder recorder;

	private final ConcurrentHashMap<String, User> usersByName = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, byte[]> userJson = new ConcurrentHashMap<>();

	private volatile Duration deploymentReadyAfter;

	private volatile boolean legacyNotFound;

	private volatile String baseUrl = "http://127.0.0.1:0";

	EmulatorState(Duration deploymentReadyAfter, int maxRecordedRequests) {
		Instant now = Instant.now();
		this.organization = new Organization(UUID.randomUUID().toString(), "acme", "The emulated organization", now);
		this.owner = new User(UUID.randomUUID().toString(), "demo", "demo@example.com", "Demo", "User", now);
		this.usersByName.put(this.owner.name(), this.owner);
		this.views = new JsonViews(JsonMapper.builder().build(), this.organization, this.owner, this::deploymentUrl);
		this.recorder = new RequestRecorder(maxRecordedRequests);
		this.deploymentReadyAfter = deploymentReadyAfter;
	}

	User addUser(String name, String email) {
		User user = new User(UUID.randomUUID().toString(), name, email, name, "", Instant.now());
		if (this.usersByName.putIfAbsent(name, user) != null) {
			throw new IllegalArgumentException("A user named '" + name + "' already exists; choose another name");
		}
		return user;
	}

	/**
	 * The user's JSON, rendered once: users never change, and this is the hottest
	 * endpoint.
	 */
	byte[] userJson(User user) {
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
