package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.http.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one emulator: its state, its seeding and the handler that answers
 * its requests; what {@link dev.bentocloud.emulator.BentoCloudEmulator} drives. Not API.
 */
public final class EmulatorBackend {

	private final EmulatorState state;

	private final EmulatorSeeding seeding;

	private final HttpHandler handler;

	/**
	 * A backend with the seeded organization and user, and no token yet.
	 * @param deploymentReadyAfter the delay of deployment status transitions
	 * @param maxRecordedRequests how many requests to keep
	 * @param fallbackApi the API of deployments without one of their own
	 * @param faults where to find the fault for a request
	 */
	public EmulatorBackend(Duration deploymentReadyAfter, int maxRecordedRequests, ServedApi fallbackApi,
			FaultSource faults) {
		this.state = new EmulatorState(deploymentReadyAfter, maxRecordedRequests, fallbackApi);
		this.seeding = new EmulatorSeeding(this.state);
		this.handler = new EmulatorHandler(this.state, faults);
	}

	/** The handler of every request. */
	public HttpHandler handler() {
		return this.handler;
	}

	/** Where service URLs point, once the server is bound. */
	public void baseUrl(String baseUrl) {
		this.state.setBaseUrl(baseUrl);
	}

	public String organizationName() {
		return this.state.organization.name();
	}

	/** Adds the seeded user's token with every scope: this value, or a random one. */
	public String demoToken(@Nullable String value) {
		return this.seeding.demoToken(value);
	}

	/** Adds two more tokens and a running deployment "demo-iris". */
	public void demoData() {
		this.seeding.demoData();
	}

	/** Whether the emulator is still starting: what is seeded now is the baseline. */
	public boolean starting() {
		return this.seeding.starting();
	}

	/** Takes the baseline that {@link #reset} restores: everything seeded so far. */
	public void started() {
		this.seeding.started();
	}

	public String userWithToken(String name, String email) {
		return this.seeding.userWithToken(name, email);
	}

	public void userWithToken(String name, String email, String tokenName, String tokenValue) {
		this.seeding.userWithToken(name, email, tokenName, tokenValue);
	}

	public String apiToken(String name, @Nullable String description, @Nullable List<String> scopes,
			@Nullable String value) {
		return this.seeding.apiToken(name, description, scopes, value);
	}

	public void apiTokens(int count) {
		this.seeding.apiTokens(count);
	}

	/** Revokes the token with this value; {@code false} if there is none. */
	public boolean revokeToken(String token) {
		return this.state.tokens.revoke(token);
	}

	public void deployment(String name, String bento, boolean accessAuthorization) {
		this.seeding.deployment(name, bento, accessAuthorization);
	}

	/** Serves this API for the deployment; one served while starting is kept on reset. */
	public void serveApi(String deploymentName, ServedApi api) {
		this.state.serviceApis.serve(deploymentName, api, this.seeding.starting());
	}

	public void deploymentStatus(String name, String status) {
		deployment(name).forceStatus(Objects.requireNonNull(status, "status"));
	}

	public String deploymentStatus(String name) {
		return deployment(name).status();
	}

	public String deploymentUrl(String name) {
		return this.state.deploymentUrl(name);
	}

	public void deploymentReadyAfter(Duration delay) {
		this.state.setDeploymentReadyAfter(delay);
	}

	public void legacyNotFound(boolean legacy) {
		this.state.setLegacyNotFound(legacy);
	}

	public void recordRequests(boolean record) {
		this.state.recorder.setEnabled(record);
	}

	public void maxRecordedRequests(int max) {
		this.state.recorder.setCapacity(max);
	}

	public List<RecordedRequest> requests() {
		return this.state.recorder.requests();
	}

	public long requestCount(String method, String path) {
		return this.state.recorder.count(method, path, "*".equals(method));
	}

	public void clearRequests() {
		this.state.recorder.clear();
	}

	/**
	 * Back to the baseline: its tokens, users, deployments and service APIs, no tasks, no
	 * recorded requests, and these settings.
	 * @param deploymentReadyAfter the delay of deployment status transitions
	 * @param maxRecordedRequests how many requests to keep
	 */
	public void reset(Duration deploymentReadyAfter, int maxRecordedRequests) {
		this.seeding.restoreBaseline();
		this.state.serviceApis.reset();
		this.state.serviceTasks.clear();
		this.state.setDeploymentReadyAfter(deploymentReadyAfter);
		this.state.setLegacyNotFound(false);
		this.state.recorder.setEnabled(true);
		this.state.recorder.setCapacity(maxRecordedRequests);
		this.state.recorder.clear();
	}

	private StoredDeployment deployment(String name) {
		StoredDeployment deployment = this.state.deployments.find(name);
		if (deployment == null) {
			throw new IllegalArgumentException("No deployment named " + name);
		}
		return deployment;
	}

}
