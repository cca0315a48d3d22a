package dev.bentocloud.spring.health;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;

/**
 * Reports whether BentoCloud accepts the configured API token, by asking for the current
 * user (and, in parallel, the organization) as {@code bentoml cloud login} does.
 * <p>
 * The check is bounded and shared: it gives up after {@code bentocloud.health.timeout}
 * (client retries included), and its result, UP or DOWN, is reused for
 * {@code bentocloud.health.cache-ttl}. Probes that arrive while a check is in flight wait
 * for that check instead of starting their own, so any number of probes costs at most one
 * call per endpoint per TTL.
 * <p>
 * When the application runs inside a BentoCloud deployment
 * ({@code BENTOCLOUD_DEPLOYMENT_URL} is set), the detail {@code bentoCloudDeployment}
 * names it, next to {@code credentialsSource}.
 * <p>
 * Details never contain the API token: every text detail is scrubbed of it.
 *
 * @since 0.1.0
 */
public final class BentoCloudHealthIndicator implements ReactiveHealthIndicator {

	private final BentoCloudClient client;

	private final String endpoint;

	private final BentoCloudCredentials credentials;

	private final @Nullable String deploymentUrl;

	private final Duration timeout;

	private final HealthFailures failures;

	private final Mono<Health> health;

	/**
	 * Creates an indicator.
	 * @param client the client whose token is checked; its endpoint is the one reported
	 * @param credentials where the client's token came from (its token is only used to
	 * scrub details)
	 * @param deploymentUrl the BentoCloud deployment the application runs in, or
	 * {@code null}
	 * @param timeout the longest a check waits for BentoCloud
	 * @param cacheTtl how long a result is reused; zero for no caching
	 */
	public BentoCloudHealthIndicator(BentoCloudClient client, BentoCloudCredentials credentials,
			@Nullable String deploymentUrl, Duration timeout, Duration cacheTtl) {
		this(client, credentials, deploymentUrl, timeout, cacheTtl, Schedulers::parallel);
	}

	/**
	 * With the scheduler that times out calls and expires cached results (tests use
	 * virtual time).
	 */
	BentoCloudHealthIndicator(BentoCloudClient client, BentoCloudCredentials credentials,
			@Nullable String deploymentUrl, Duration timeout, Duration cacheTtl, Supplier<Scheduler> clock) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(credentials, "credentials must not be null");
		this.client = client;
		this.failures = new HealthFailures(credentials.apiToken(), timeout);
		this.endpoint = BentoCloudEndpoints.displayable(String.valueOf(client.endpoint()));
		this.credentials = credentials;
		this.deploymentUrl = deploymentUrl;
		this.timeout = timeout;
		this.health = CachedHealthCheck.of(this::check, timeout, cacheTtl, clock, this::down);
	}

	@Override
	public Mono<Health> health() {
		return this.health;
	}

	private Mono<Health> check() {
		// The organization costs one extra call per TTL, in
		// parallel; it names the org the token acts for, but only
		// the user call (the token check) decides the status.
		Mono<Optional<Organization>> organization = this.client.currentOrganization()
			.map(Optional::of)
			.onErrorResume((ex) -> Mono.just(Optional.empty()))
			.defaultIfEmpty(Optional.empty());
		return Mono.zip(this.client.currentUser(), organization)
			.map((result) -> up(result.getT1(), result.getT2().orElse(null)))
			.switchIfEmpty(
					Mono.fromSupplier(() -> down(new IllegalStateException("Empty response for the current user"))));
	}

	private Health up(User user, @Nullable Organization organization) {
		Health.Builder builder = Health.up().withDetail("endpoint", this.endpoint);
		putIfPresent(builder, "user", user.name());
		putIfPresent(builder, "email", user.email());
		putIfPresent(builder, "displayName", user.displayName());
		if (organization != null) {
			putIfPresent(builder, "organization", organization.name());
		}
		else {
			builder.withDetail("organization", "unknown (GET /api/v1/current_org failed)");
		}
		credentialDetails(builder);
		return builder.build();
	}

	private Health down(Throwable ex) {
		Health.Builder builder = Health.down().withDetail("endpoint", this.endpoint);
		this.failures.describe(ex, this.credentials).forEach(builder::withDetail);
		credentialDetails(builder);
		return builder.build();
	}

	private void credentialDetails(Health.Builder builder) {
		builder.withDetail("credentialsSource", this.failures.scrub(this.credentials.source()));
		// Inside a BentoCloud deployment (BENTOCLOUD_DEPLOYMENT_URL),
		// say which one: it tells operators that the token
		// is the deployment's own, not a developer's login.
		if (this.deploymentUrl != null) {
			builder.withDetail("bentoCloudDeployment", this.failures.scrub(this.deploymentUrl));
		}
	}

	private void putIfPresent(Health.Builder builder, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			builder.withDetail(key, this.failures.scrub(value));
		}
	}

	@Override
	public String toString() {
		return "BentoCloudHealthIndicator[endpoint=" + this.endpoint + ", timeout=" + this.timeout + "]";
	}

}
