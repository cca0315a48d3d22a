package dev.bentocloud.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process BentoCloud management API on 127.0.0.1, with state (one organization
 * "acme", users, API tokens, deployments with status transitions, instance types), strict
 * authentication, fault injection and request recording. It writes its own JSON and
 * shares no class with the client.
 *
 * <pre>{@code
 * try (BentoCloudEmulator emu = BentoCloudEmulator.start()) {
 *     String endpoint = emu.endpoint();   // http://127.0.0.1:PORT
 *     String token = emu.apiToken();      // send as X-YATAI-API-TOKEN
 * }
 * }</pre>
 *
 * Thread-safe: all methods may be called while requests are being served.
 */
public final class BentoCloudEmulator implements AutoCloseable {

	/** The host the emulator binds to: loopback only. */
	public static final String HOST = "127.0.0.1";

	private final EmulatorState state;

	private final LoopResources loops;

	private final DisposableServer server;

	private final String apiToken;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger openConnections = new AtomicInteger();

	private BentoCloudEmulator(Builder builder) {
		this.state = new EmulatorState(builder.deploymentReadyAfter, builder.maxRecordedRequests);
		List<String> allScopes = List.of("api", "read_organization", "write_organization", "read_cluster",
				"write_cluster");
		this.apiToken = ((builder.demoToken != null)
				? this.state.tokens.create(this.state.owner, "demo", "The emulator's seeded token", allScopes, null,
						builder.demoToken)
				: this.state.tokens.create(this.state.owner, "demo", "The emulator's seeded token", allScopes,
						null)).value;
		if (builder.seedDemoData) {
			seedDemoData();
		}
		this.loops = LoopResources.create("bentocloud-emulator", 1,
				Math.max(2, Runtime.getRuntime().availableProcessors()), true);
		try {
			this.server = HttpServer.create()
				.host(HOST)
				.port(builder.port)
				.runOn(this.loops)
				.doOnChannelInit((observer, channel, address) -> {
					this.openConnections.incrementAndGet();
					channel.closeFuture().addListener((closed) -> this.openConnections.decrementAndGet());
				})
				.handle(new EmulatorHandler(this.state))
				.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(6));
			throw new IllegalStateException("Could not bind the BentoCloud emulator to " + HOST + ":" + builder.port
					+ "; choose a free port, or 0 for a random one", ex);
		}
		this.state.setBaseUrl(endpoint());
	}

	/**
	 * Starts an emulator on a random free port with the default seed (org, user "demo",
	 * one token).
	 */
	public static BentoCloudEmulator start() {
		return builder().start();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The base URL, e.g. {@code http://127.0.0.1:41234}. */
	public String endpoint() {
		return "http://" + HOST + ":" + port();
	}

	public int port() {
		return this.server.port();
	}

	/** The seeded user's valid management token ({@code X-YATAI-API-TOKEN}). */
	public String apiToken() {
		return this.apiToken;
	}

	/** The organization's name ("acme"). */
	public String organizationName() {
		return this.state.organization.name();
	}

	/** Adds a user to the organization and returns a new valid token of his. */
	public String createUserWithToken(String name, String email) {
		User user = this.state.addUser(Objects.requireNonNull(name, "name"), Objects.requireNonNull(email, "email"));
		return this.state.tokens.create(user, name + "-token", null, List.of("api"), null).value;
	}

	/**
	 * Adds {@code count} tokens of the seeded user, named {@code token-00000},
	 * {@code token-00001}, ...
	 */
	public void seedApiTokens(int count) {
		for (int i = 0; i < count; i++) {
			this.state.tokens.create(this.state.owner, String.format("token-%05d", i), null, List.of("api"), null);
		}
	}

	/** Revokes (deletes) the token with this value: later requests with it get 401. */
	public void revokeToken(String token) {
		if (!this.state.tokens.revoke(token)) {
			throw new IllegalArgumentException("Unknown or already revoked token");
		}
	}

	/**
	 * Adds a deployment that is already {@code running}, e.g.
	 * {@code seedDeployment("iris", "iris:abc123", true)}.
	 */
	public void seedDeployment(String name, String bento, boolean accessAuthorization) {
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
		Deployment deployment = this.state.deployments.create(name, "default", this.state.owner, false,
				new DeploymentSpec(config, labels, bento.substring(0, colon), bento.substring(colon + 1)),
				Duration.ZERO);
		if (deployment == null) {
			throw new IllegalArgumentException("Deployment " + name + " already exists");
		}
		deployment.forceStatus("running");
	}

	/**
	 * Sets a deployment's status now (any string), cancelling a pending timed transition.
	 */
	public void setDeploymentStatus(String name, String status) {
		deployment(name).forceStatus(Objects.requireNonNull(status, "status"));
	}

	/** The deployment's current status. */
	public String deploymentStatus(String name) {
		return deployment(name).status();
	}

	/**
	 * The deployment's service URL ({@code urls[0]}):
	 * {@code http://127.0.0.1:PORT/__services/<name>}.
	 */
	public String deploymentUrl(String name) {
		return this.state.deploymentUrl(name);
	}

	/**
	 * How long deploying stays before running (and terminating before terminated) for
	 * later changes.
	 */
	public void deploymentReadyAfter(Duration delay) {
		this.state.setDeploymentReadyAfter(requireNonNegative(delay));
	}

	/**
	 * Answer a missing API token with 400 "record not found" as older servers did,
	 * instead of 404.
	 */
	public void legacyNotFound(boolean legacy) {
		this.state.setLegacyNotFound(legacy);
	}

	public Faults faults() {
		return this.state.faults;
	}

	/** Whether to keep full requests for {@link #requests()}; counts are always kept. */
	public void recordRequests(boolean record) {
		this.state.recorder.setEnabled(record);
	}

	/** Keep at most this many of the most recent requests (older ones are dropped). */
	public void maxRecordedRequests(int max) {
		this.state.recorder.setCapacity(requireNonNegative(max));
	}

	/**
	 * The recorded requests, oldest first (including rejected and faulted ones), up to
	 * the cap.
	 */
	public List<RecordedRequest> requests() {
		return this.state.recorder.requests();
	}

	/**
	 * How many requests with this method ({@code *} for any) and exact path arrived,
	 * whatever the cap.
	 */
	public long requestCount(String method, String path) {
		return this.state.recorder.count(method, path, "*".equals(method));
	}

	/** How many client connections are open right now (kept-alive idle ones included). */
	public int openConnections() {
		return this.openConnections.get();
	}

	public void clearRequests() {
		this.state.recorder.clear();
	}

	/**
	 * Stops the server and its event loops; the port is free when this returns.
	 * Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.server.disposeNow(Duration.ofSeconds(5));
			}
			finally {
				this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(6));
			}
		}
	}

	@Override
	public String toString() {
		return "BentoCloudEmulator[" + (this.closed.get() ? "closed" : endpoint()) + "]";
	}

	private void seedDemoData() {
		this.state.tokens.create(this.state.owner, "ci", "Used by CI", List.of("api"), null);
		this.state.tokens.create(this.state.owner, "read-only", "Reads the cluster",
				List.of("read_organization", "read_cluster"), null);
		seedDeployment("demo-iris", "iris:abc123", false);
	}

	private Deployment deployment(String name) {
		Deployment deployment = this.state.deployments.find(name);
		if (deployment == null) {
			throw new IllegalArgumentException("No deployment named " + name);
		}
		return deployment;
	}

	private static Duration requireNonNegative(Duration duration) {
		if (Objects.requireNonNull(duration, "duration").isNegative()) {
			throw new IllegalArgumentException("duration must not be negative, was " + duration);
		}
		return duration;
	}

	private static int requireNonNegative(int value) {
		if (value < 0) {
			throw new IllegalArgumentException("value must not be negative, was " + value);
		}
		return value;
	}

	/** Options for {@link BentoCloudEmulator}. */
	public static final class Builder {

		private int port;

		private boolean seedDemoData;

		private Duration deploymentReadyAfter = Duration.ofMillis(300);

		private int maxRecordedRequests = 10_000;

		private String demoToken;

		private Builder() {
		}

		/** The port, 0 (default) for a random free one. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/** Also seed two more API tokens and a running deployment "demo-iris". */
		public Builder seedDemoData(boolean seed) {
			this.seedDemoData = seed;
			return this;
		}

		/** Deploying to running (and terminating to terminated) delay; default 300 ms. */
		public Builder deploymentReadyAfter(Duration delay) {
			this.deploymentReadyAfter = requireNonNegative(delay);
			return this;
		}

		/**
		 * How many recent requests to keep for {@link BentoCloudEmulator#requests()};
		 * default 10,000.
		 */
		public Builder maxRecordedRequests(int max) {
			this.maxRecordedRequests = requireNonNegative(max);
			return this;
		}

		/**
		 * The value of the seeded user's token ({@link BentoCloudEmulator#apiToken()})
		 * instead of a random one, so that another process can use a shared emulator
		 * without being told it.
		 */
		public Builder demoToken(String token) {
			if (token == null || token.isBlank()) {
				throw new IllegalArgumentException("demoToken must not be blank");
			}
			this.demoToken = token;
			return this;
		}

		public BentoCloudEmulator start() {
			return new BentoCloudEmulator(this);
		}

	}

}
