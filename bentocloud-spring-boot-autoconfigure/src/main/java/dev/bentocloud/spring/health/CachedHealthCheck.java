package dev.bentocloud.spring.health;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bentocloud.client.support.Durations;
import dev.bentocloud.client.support.LateErrors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the BentoCloud health indicators share: a check bounded by
 * {@code bentocloud.health.timeout}, any failure turned into DOWN, and the result, UP or
 * DOWN, reused for {@code bentocloud.health.cache-ttl}. Probes that arrive while a check
 * is in flight wait for it instead of starting their own, so any number of probes costs
 * at most one check per TTL.
 */
final class CachedHealthCheck {

	private CachedHealthCheck() {
	}

	/**
	 * The cached, bounded check.
	 * @param check runs one check
	 * @param timeout the longest a check may take
	 * @param cacheTtl how long a result is reused; zero for no caching
	 * @param clock times out checks and expires results (tests use virtual time)
	 * @param down the DOWN health for a failure
	 * ({@link java.util.concurrent.TimeoutException} after {@code timeout})
	 * @return the health, shared by all subscribers; the settings are checked at once,
	 * the check is assembled on the first probe (startup need not load its operators)
	 */
	static Mono<Health> of(Supplier<Mono<Health>> check, Duration timeout, Duration cacheTtl, Supplier<Scheduler> clock,
			Function<Throwable, Health> down) {
		Assert.isTrue(Durations.isPositive(timeout),
				() -> "bentocloud.health.timeout must be positive, was " + timeout);
		Assert.isTrue(cacheTtl != null && !cacheTtl.isNegative(),
				() -> "bentocloud.health.cache-ttl must be zero (no caching) or positive, was " + cacheTtl);
		// DOWN is cached as long as UP: failures are when the
		// server most needs sparing, a rejected token cannot heal
		// without a restart, and a timed-out check is the costliest.
		// A call's error that arrives after the timeout cancelled it (zip and
		// timeout drop it) goes to the DEBUG log, not to Reactor's global hook.
		return Mono.defer(SingletonSupplier.of(() -> {
			Scheduler scheduler = clock.get();
			return Mono.defer(check)
				.timeout(timeout, scheduler)
				.contextWrite(LateErrors.ignored())
				.switchIfEmpty(Mono.error(() -> new IllegalStateException("The check completed without a result")))
				.onErrorResume((ex) -> Mono.fromSupplier(() -> down.apply(ex)))
				.cache((result) -> cacheTtl, (ex) -> Duration.ZERO, () -> Duration.ZERO, scheduler);
		}));
	}

}
