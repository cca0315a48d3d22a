package dev.bentocloud.spring.health;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;

/**
 * Reports whether one deployed BentoML service is ready, from its {@code GET /readyz}
 * ({@link BentoServiceClient#isReady()}), as one component of the
 * {@code bentocloudServices} health contributor.
 * <p>
 * UP when the service answers 200; DOWN otherwise, with an {@code error} code, the
 * {@code reason} (the status it answered, a timeout, a rejected token, a deployment that
 * cannot be found) and the {@code action} to take. Details name the service's URL once it
 * is known (without user info) and, for a service found through its deployment, the
 * deployment and cluster. They never contain the service token. Checks are bounded by
 * {@code bentocloud.health.timeout} and their result is reused for
 * {@code bentocloud.health.cache-ttl}, as for the {@code bentocloud} indicator.
 *
 * @since 0.1.0
 */
public final class BentoServiceHealthIndicator implements ReactiveHealthIndicator {

	private final BentoServiceClient client;

	private final Map<String, Object> staticDetails;

	private final ServiceHealthFailures failures;

	private final Mono<Health> health;

	private volatile @Nullable URI url;

	/**
	 * Creates an indicator.
	 * @param name the service's name in {@code bentocloud.services}, for the actions
	 * @param client the service's client
	 * @param details details to report with every result, such as the deployment's name
	 * @param token the token the client sends, only used to scrub details (or
	 * {@code null})
	 * @param answers what {@code GET /readyz} answered through the client, to say why it
	 * is not ready (or {@code null} when unknown)
	 * @param timeout the longest a check waits for the service
	 * @param cacheTtl how long a result is reused; zero for no caching
	 */
	public BentoServiceHealthIndicator(String name, BentoServiceClient client, Map<String, ?> details,
			@Nullable String token, @Nullable ReadinessAnswers answers, Duration timeout, Duration cacheTtl) {
		this(name, client, details, token, answers, timeout, cacheTtl, Schedulers::parallel);
	}

	/** With the scheduler that times out checks and expires results. */
	BentoServiceHealthIndicator(String name, BentoServiceClient client, Map<String, ?> details, @Nullable String token,
			@Nullable ReadinessAnswers answers, Duration timeout, Duration cacheTtl, Supplier<Scheduler> clock) {
		Assert.notNull(client, "client must not be null");
		this.client = client;
		this.failures = new ServiceHealthFailures(name, token, answers, timeout);
		Map<String, Object> scrubbed = new LinkedHashMap<>();
		details.forEach(
				(key, value) -> scrubbed.put(key, (value instanceof String text) ? this.failures.scrub(text) : value));
		this.staticDetails = scrubbed;
		this.health = CachedHealthCheck.of(this::check, timeout, cacheTtl, clock, this::down);
	}

	@Override
	public Mono<Health> health() {
		return this.health;
	}

	private Mono<Health> check() {
		// A client of a deployment looks up its URL first: a failure there is the
		// deployment's, not the service's.
		return this.client.url()
			.onErrorMap(ServiceHealthFailures.LookupFailure::new)
			.doOnNext((resolved) -> this.url = resolved)
			.flatMap((resolved) -> this.client.isReady())
			.map((ready) -> ready ? builder(Health.up()).build() : down(null));
	}

	private Health down(@Nullable Throwable ex) {
		Health.Builder builder = builder(Health.down());
		this.failures.describe(ex).forEach(builder::withDetail);
		return builder.build();
	}

	private Health.Builder builder(Health.Builder builder) {
		URI resolved = this.url;
		if (resolved != null) {
			builder.withDetail("url", this.failures.scrub(BentoCloudEndpoints.displayable(resolved.toString())));
		}
		return builder.withDetails(this.staticDetails);
	}

	@Override
	public String toString() {
		return "BentoServiceHealthIndicator[" + this.client + "]";
	}

}
