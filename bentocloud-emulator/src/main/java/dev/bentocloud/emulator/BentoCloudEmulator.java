package dev.bentocloud.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.bentocloud.emulator.http.BlockingHttpServer;
import dev.bentocloud.emulator.server.EmulatorBackend;
import org.jspecify.annotations.Nullable;

/**
 * An in-process BentoCloud management API on 127.0.0.1, with state (one organization
 * "acme", users, API tokens, deployments with status transitions, instance types), strict
 * authentication, fault injection and request recording. It writes its own JSON and
 * shares no class with the client. Each deployment's service answers at
 * {@link #deploymentUrl(String)} as a BentoML 1.4 service does (health, schema, calls,
 * files, streams, tasks), with the routes of its {@link ServiceApi} (see
 * {@link #serveApi}; by default {@link ServiceApi#example()}). The server side is in
 * {@code dev.bentocloud.emulator.server}, which is not API.
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

	/** The host the emulator binds to by default: loopback only. */
	public static final String HOST = "127.0.0.1";

	private final BentoCloudEmulatorBuilder settings;

	private final Faults faults = new Faults();

	private final EmulatorBackend backend;

	/**
	 * How many connections may be open at once, each with its own thread: far more than a
	 * test's client pools open.
	 */
	private static final int MAX_CONNECTIONS = 1024;

	private final BlockingHttpServer server;

	private final String apiToken;

	private final AtomicBoolean closed = new AtomicBoolean();

	BentoCloudEmulator(BentoCloudEmulatorBuilder builder) {
		this.settings = builder;
		this.backend = new EmulatorBackend(builder.deploymentReadyAfter, builder.maxRecordedRequests,
				ServiceApi.example().served(), this.faults::match);
		this.apiToken = this.backend.demoToken(builder.demoToken);
		builder.serviceApis.forEach(this::serveApi);
		if (builder.seedDemoData) {
			this.backend.demoData();
		}
		if (builder.seed != null) {
			builder.seed.applyTo(this);
		}
		this.backend.started();
		try {
			this.server = BlockingHttpServer.start(builder.host, builder.port, this.backend.handler(),
					"bentocloud-emulator", MAX_CONNECTIONS);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Could not bind the BentoCloud emulator to " + builder.host + ":"
					+ builder.port + "; choose a free port, or 0 for a random one", ex);
		}
		this.backend.baseUrl(endpoint());
	}

	/**
	 * Starts an emulator on a random free port with the default seed (org, user "demo",
	 * one token).
	 */
	public static BentoCloudEmulator start() {
		return builder().start();
	}

	public static BentoCloudEmulatorBuilder builder() {
		return new BentoCloudEmulatorBuilder();
	}

	/**
	 * The base URL, e.g. {@code http://127.0.0.1:41234}; {@code 127.0.0.1} also when
	 * bound to all interfaces.
	 */
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
		return this.backend.organizationName();
	}

	/** Adds a user to the organization and returns a new valid token of his. */
	public String createUserWithToken(String name, String email) {
		return this.backend.userWithToken(name, email);
	}

	/**
	 * Adds a user to the organization with a token of the given value, e.g. from a seed
	 * file.
	 */
	public void createUserWithToken(String name, String email, String tokenName, String tokenValue) {
		this.backend.userWithToken(name, email, tokenName, tokenValue);
	}

	/**
	 * Adds a token of the seeded user with this name, description (may be {@code null}),
	 * scopes and value ({@code null} for a random one); returns the value.
	 */
	public String seedApiToken(String name, @Nullable String description, @Nullable List<String> scopes,
			@Nullable String value) {
		return this.backend.apiToken(name, description, scopes, value);
	}

	/**
	 * Adds {@code count} tokens of the seeded user, named {@code token-00000},
	 * {@code token-00001}, ...
	 */
	public void seedApiTokens(int count) {
		this.backend.apiTokens(count);
	}

	/** Revokes (deletes) the token with this value: later requests with it get 401. */
	public void revokeToken(String token) {
		if (!this.backend.revokeToken(token)) {
			throw new IllegalArgumentException("Unknown or already revoked token");
		}
	}

	/**
	 * Adds a deployment that is already {@code running}, e.g.
	 * {@code seedDeployment("iris", "iris:abc123", true)}.
	 */
	public void seedDeployment(String name, String bento, boolean accessAuthorization) {
		this.backend.deployment(name, bento, accessAuthorization);
	}

	/**
	 * Serves this API at the deployment's service URL from now on, replacing the one it
	 * served (by default {@link ServiceApi#example()}). The deployment need not exist
	 * yet: the API applies once it does. {@link #reset()} drops APIs served this way
	 * after start.
	 * @param deploymentName the deployment's name
	 * @param api the routes its service answers
	 */
	public void serveApi(String deploymentName, ServiceApi api) {
		this.backend.serveApi(Objects.requireNonNull(deploymentName, "deploymentName"),
				Objects.requireNonNull(api, "api").served());
	}

	/**
	 * Sets a deployment's status now (any string), cancelling a pending timed transition.
	 */
	public void setDeploymentStatus(String name, String status) {
		this.backend.deploymentStatus(name, status);
	}

	/** The deployment's current status. */
	public String deploymentStatus(String name) {
		return this.backend.deploymentStatus(name);
	}

	/**
	 * The deployment's service URL ({@code urls[0]}):
	 * {@code http://127.0.0.1:PORT/__services/<name>}.
	 */
	public String deploymentUrl(String name) {
		return this.backend.deploymentUrl(name);
	}

	/**
	 * How long deploying stays before running (and terminating before terminated) for
	 * later changes.
	 */
	public void deploymentReadyAfter(Duration delay) {
		this.backend.deploymentReadyAfter(requireNonNegative(delay));
	}

	/**
	 * Answer a missing API token with 400 "record not found" as older servers did,
	 * instead of 404.
	 */
	public void legacyNotFound(boolean legacy) {
		this.backend.legacyNotFound(legacy);
	}

	public Faults faults() {
		return this.faults;
	}

	/** Whether to keep full requests for {@link #requests()}; counts are always kept. */
	public void recordRequests(boolean record) {
		this.backend.recordRequests(record);
	}

	/** Keep at most this many of the most recent requests (older ones are dropped). */
	public void maxRecordedRequests(int max) {
		this.backend.maxRecordedRequests(requireNonNegative(max));
	}

	/**
	 * The recorded requests, oldest first (including rejected and faulted ones), up to
	 * the cap.
	 */
	public List<RecordedRequest> requests() {
		return this.backend.requests();
	}

	/**
	 * How many requests with this method ({@code *} for any) and exact path arrived,
	 * whatever the cap.
	 */
	public long requestCount(String method, String path) {
		return this.backend.requestCount(method, path);
	}

	/** How many client connections are open right now (kept-alive idle ones included). */
	public int openConnections() {
		return this.server.openConnections();
	}

	public void clearRequests() {
		this.backend.clearRequests();
	}

	/**
	 * Back to the state right after start: the tokens, users and deployments seeded then
	 * (seeded deployments {@code running} again; everything added later removed, revoked
	 * seeded tokens back), the service APIs declared at start (from the builder or the
	 * seed; ones served later dropped), no submitted tasks, no fault rules, no recorded
	 * requests or counts, and the builder's recording and deployment delay settings.
	 * Requests in flight may still see the old state.
	 */
	public void reset() {
		this.faults.clear();
		this.backend.reset(this.settings.deploymentReadyAfter, this.settings.maxRecordedRequests);
	}

	/**
	 * Stops the server and closes its connections; the port is free when this returns.
	 * Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.close();
		}
	}

	@Override
	public String toString() {
		return "BentoCloudEmulator[" + (this.closed.get() ? "closed" : endpoint()) + "]";
	}

	static Duration requireNonNegative(Duration duration) {
		if (Objects.requireNonNull(duration, "duration").isNegative()) {
			throw new IllegalArgumentException("duration must not be negative, was " + duration);
		}
		return duration;
	}

	static int requireNonNegative(int value) {
		if (value < 0) {
			throw new IllegalArgumentException("value must not be negative, was " + value);
		}
		return value;
	}

}
