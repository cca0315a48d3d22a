package dev.bentocloud.spring.health;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.client.BentoCloudClient;
import dev.bentocloud.spring.client.model.Organization;
import dev.bentocloud.spring.client.model.User;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;

/**
 * Reports whether BentoCloud accepts the configured API token, by asking for the current user
 * (and, in parallel, the organization) as {@code bentoml cloud login} does.
 * <p>
 * The check is bounded and shared: it gives up after {@code bentocloud.health.timeout} (client
 * retries included), and its result, UP or DOWN, is reused for {@code bentocloud.health.cache-ttl}.
 * Probes that arrive while a check is in flight wait for that check instead of starting their
 * own, so any number of probes costs at most one call per endpoint per TTL.
 * <p>
 * Details never contain the API token: every text detail is scrubbed of it.
 */
public final class BentoCloudHealthIndicator implements ReactiveHealthIndicator {

	private final BentoCloudClient client;

	private final String endpoint;

	private final BentoCloudCredentialsSource credentials;

	private final Duration timeout;

	private final HealthFailures failures;

	private final Mono<Health> health;

	/**
	 * Creates an indicator.
	 * @param client the client whose token is checked
	 * @param properties the starter's properties: endpoint, token (only used to scrub details),
	 * and the health timeout and cache TTL
	 * @param credentials where the token came from, or where the starter looked for one
	 */
	public BentoCloudHealthIndicator(BentoCloudClient client, BentoCloudProperties properties,
			BentoCloudCredentialsSource credentials) {
		this(client, properties, credentials, Schedulers.parallel());
	}

	/** With the scheduler that times out calls and expires cached results (tests use virtual time). */
	BentoCloudHealthIndicator(BentoCloudClient client, BentoCloudProperties properties,
			BentoCloudCredentialsSource credentials, Scheduler clock) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(properties, "properties must not be null");
		Assert.notNull(credentials, "credentials must not be null");
		BentoCloudProperties.Health settings = properties.health();
		Assert.isTrue(settings.timeout() != null && !settings.timeout().isNegative() && !settings.timeout().isZero(),
				() -> "bentocloud.health.timeout must be positive, was " + settings.timeout());
		Assert.isTrue(settings.cacheTtl() != null && !settings.cacheTtl().isNegative(),
				() -> "bentocloud.health.cache-ttl must be zero (no caching) or positive, was " + settings.cacheTtl());
		this.client = client;
		this.failures = new HealthFailures(properties.apiToken(), settings.timeout());
		this.endpoint = displayEndpoint(properties.endpoint());
		this.credentials = credentials;
		this.timeout = settings.timeout();
		Duration ttl = settings.cacheTtl();
		// DOWN is cached as long as UP: failures are when BentoCloud most needs sparing, a missing
		// or rejected token cannot heal without a restart, and a timed-out check is the costliest.
		this.health = Mono.defer(() -> check(clock))
			.cache((result) -> ttl, (ex) -> Duration.ZERO, () -> Duration.ZERO, clock);
	}

	@Override
	public Mono<Health> health() {
		return this.health;
	}

	private Mono<Health> check(Scheduler clock) {
		// The organization costs one extra call per TTL, in parallel; it names which org the
		// token acts for, but only the user call (the token check) decides the status.
		Mono<Optional<Organization>> organization = this.client.currentOrganization()
			.map(Optional::of)
			.onErrorResume((ex) -> Mono.just(Optional.empty()))
			.defaultIfEmpty(Optional.empty());
		return Mono.zip(this.client.currentUser(), organization)
			.timeout(this.timeout, clock)
			.map((result) -> up(result.getT1(), result.getT2().orElse(null)))
			.switchIfEmpty(Mono.fromSupplier(() -> down(new IllegalStateException("Empty response for the current user"))))
			.onErrorResume((ex) -> Mono.just(down(ex)));
	}

	private Health up(User user, Organization organization) {
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
		builder.withDetail("credentialsSource", this.failures.scrub(this.credentials.source()));
		return builder.build();
	}

	private Health down(Throwable ex) {
		Health.Builder builder = Health.down().withDetail("endpoint", this.endpoint);
		this.failures.describe(ex, this.credentials).forEach(builder::withDetail);
		builder.withDetail("credentialsSource", this.failures.scrub(this.credentials.source()));
		return builder.build();
	}

	private void putIfPresent(Health.Builder builder, String key, String value) {
		if (value != null && !value.isBlank()) {
			builder.withDetail(key, this.failures.scrub(value));
		}
	}

	/** The endpoint without user info, query or fragment, which could carry secrets. */
	private static String displayEndpoint(URI endpoint) {
		if (endpoint == null) {
			return "<none>";
		}
		String port = (endpoint.getPort() != -1) ? ":" + endpoint.getPort() : "";
		String path = (endpoint.getRawPath() != null) ? endpoint.getRawPath() : "";
		return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
	}

	@Override
	public String toString() {
		return "BentoCloudHealthIndicator[endpoint=" + this.endpoint + ", timeout=" + this.timeout + "]";
	}

}
