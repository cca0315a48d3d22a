package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds users, tokens and running deployments to the state, and remembers what was there
 * when the emulator started: the baseline that {@link EmulatorBackend#reset} restores.
 */
final class EmulatorSeeding {

	private static final List<String> ALL_SCOPES = List.of("api", "read_organization", "write_organization",
			"read_cluster", "write_cluster");

	private final EmulatorState state;

	private final List<SeededDeployment> baselineDeployments = new ArrayList<>();

	private List<StoredApiToken> baselineTokens = List.of();

	private Set<String> baselineUsers = Set.of();

	private volatile boolean starting = true;

	EmulatorSeeding(EmulatorState state) {
		this.state = state;
	}

	/** The seeded user's token with every scope: this value, or a random one. */
	String demoToken(@Nullable String value) {
		String description = "The emulator's seeded token";
		return ((value != null)
				? this.state.tokens.create(this.state.owner, "demo", description, ALL_SCOPES, null, value)
				: this.state.tokens.create(this.state.owner, "demo", description, ALL_SCOPES, null)).value;
	}

	/** Two more tokens and a running deployment "demo-iris". */
	void demoData() {
		this.state.tokens.create(this.state.owner, "ci", "Used by CI", List.of("api"), null);
		this.state.tokens.create(this.state.owner, "read-only", "Reads the cluster",
				List.of("read_organization", "read_cluster"), null);
		deployment("demo-iris", "iris:abc123", false);
	}

	/** Whether the emulator is still starting: what is seeded now is the baseline. */
	boolean starting() {
		return this.starting;
	}

	/** Takes the baseline: everything seeded so far. */
	void started() {
		this.baselineTokens = this.state.tokens.snapshot();
		this.baselineUsers = this.state.userNames();
		this.starting = false;
	}

	/** Back to the baseline's tokens, users and deployments (running again). */
	void restoreBaseline() {
		this.state.tokens.restore(this.baselineTokens);
		this.state.retainUsers(this.baselineUsers);
		this.state.deployments.clear();
		for (SeededDeployment deployment : this.baselineDeployments) {
			deployment(deployment.name(), deployment.bento(), deployment.accessAuthorization());
		}
	}

	String userWithToken(String name, String email) {
		StoredUser user = this.state.addUser(Objects.requireNonNull(name, "name"),
				Objects.requireNonNull(email, "email"));
		return this.state.tokens.create(user, name + "-token", null, List.of("api"), null).value;
	}

	void userWithToken(String name, String email, String tokenName, String tokenValue) {
		requireNewTokenValue(tokenValue);
		StoredUser user = this.state.addUser(Objects.requireNonNull(name, "name"),
				Objects.requireNonNull(email, "email"));
		this.state.tokens.create(user, Objects.requireNonNull(tokenName, "tokenName"), null, List.of("api"), null,
				tokenValue);
	}

	String apiToken(String name, @Nullable String description, @Nullable List<String> scopes, @Nullable String value) {
		Objects.requireNonNull(name, "name");
		List<String> effectiveScopes = (scopes != null && !scopes.isEmpty()) ? List.copyOf(scopes) : List.of("api");
		if (value == null) {
			return this.state.tokens.create(this.state.owner, name, description, effectiveScopes, null).value;
		}
		requireNewTokenValue(value);
		return this.state.tokens.create(this.state.owner, name, description, effectiveScopes, null, value).value;
	}

	void apiTokens(int count) {
		for (int i = 0; i < count; i++) {
			this.state.tokens.create(this.state.owner, String.format("token-%05d", i), null, List.of("api"), null);
		}
	}

	/** A deployment that is {@code running} at once, with one CPU service. */
	void deployment(String name, String bento, boolean accessAuthorization) {
		int colon = bento.indexOf(':');
		if (colon <= 0 || colon == bento.length() - 1) {
			throw new IllegalArgumentException("bento must look like <repository>:<version>, was " + bento);
		}
		ObjectNode config = this.state.views.object();
		config.put("access_authorization", accessAuthorization);
		config.putNull("envs");
		config.putNull("labels");
		config.putNull("secrets");
		ObjectNode service = config.putObject("services").putObject("Service");
		service.put("instance_type", "cpu.1");
		service.putObject("scaling").put("min_replicas", 1).put("max_replicas", 1);
		service.putObject("config_overrides");
		config.putNull("canary");
		ArrayNode labels = this.state.views.array();
		StoredDeployment deployment = this.state.deployments.create(name, "default", this.state.owner, false,
				new DeploymentSpec(config, labels, bento.substring(0, colon), bento.substring(colon + 1)),
				Duration.ZERO);
		if (deployment == null) {
			throw new IllegalArgumentException("Deployment " + name + " already exists");
		}
		deployment.forceStatus("running");
		if (this.starting) {
			this.baselineDeployments.add(new SeededDeployment(name, bento, accessAuthorization));
		}
	}

	private void requireNewTokenValue(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A token value must not be blank");
		}
		if (this.state.tokens.hasValue(value)) {
			throw new IllegalArgumentException("Two tokens must not have the same value");
		}
	}

	private record SeededDeployment(String name, String bento, boolean accessAuthorization) {
	}

}
