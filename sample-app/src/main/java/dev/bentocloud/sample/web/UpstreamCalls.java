package dev.bentocloud.sample.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the sample's endpoints call BentoCloud, so that a burst of callers does not become
 * a burst of BentoCloud calls:
 * <ul>
 * <li><b>one call per question</b>: callers asking the same thing ({@code /whoami}, or
 * {@code /tokens} with the same search) while an answer is on its way share that
 * call;</li>
 * <li><b>a brief cache</b>: the answer is then reused for
 * {@code sample.upstream.cache-ttl} (default 5s), a failure for
 * {@code sample.upstream.error-cache-ttl} (default 1s) so that an outage is not hammered
 * by every caller, each with the client's retries;</li>
 * <li><b>a bound</b>: at most {@code sample.upstream.max-concurrent-calls} (default 8)
 * loads run at once; a caller beyond that gets a 503 with {@code Retry-After: 1} at once
 * instead of queueing up more work for a BentoCloud that is already slow.</li>
 * </ul>
 * Zero TTLs keep the sharing of in-flight calls and turn the caching off.
 */
@Component
public class UpstreamCalls {

	/** The default of {@code sample.upstream.max-concurrent-calls}. */
	public static final int DEFAULT_MAX_CONCURRENT_CALLS = 8;

	/**
	 * At most this many distinct questions are remembered; beyond, answers are not
	 * cached.
	 */
	static final int MAX_ENTRIES = 1000;

	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	private final Semaphore permits;

	private final int maxConcurrentCalls;

	private final Duration ttl;

	private final Duration errorTtl;

	public UpstreamCalls(@Value("${sample.upstream.cache-ttl:5s}") Duration ttl,
			@Value("${sample.upstream.error-cache-ttl:1s}") Duration errorTtl,
			@Value("${sample.upstream.max-concurrent-calls:" + DEFAULT_MAX_CONCURRENT_CALLS
					+ "}") int maxConcurrentCalls) {
		if (ttl.isNegative() || errorTtl.isNegative() || maxConcurrentCalls < 1) {
			throw new IllegalArgumentException("sample.upstream.cache-ttl and error-cache-ttl must not be negative "
					+ "and max-concurrent-calls must be at least 1");
		}
		this.ttl = ttl;
		this.errorTtl = errorTtl;
		this.maxConcurrentCalls = maxConcurrentCalls;
		this.permits = new Semaphore(maxConcurrentCalls);
	}

	/**
	 * The answer to {@code key}: shared with callers asking the same while it loads, then
	 * reused briefly.
	 * @param <T> the answer type
	 * @param key what is asked, with equals and hashCode, e.g.
	 * {@code List.of("tokens", search)}
	 * @param load calls BentoCloud; subscribed to at most once per load
	 * @return the shared answer
	 */
	@SuppressWarnings("unchecked")
	public <T> Mono<T> get(Object key, Supplier<Mono<T>> load) {
		long now = System.nanoTime();
		Entry entry = this.entries.compute(key, (k, existing) -> {
			if (existing != null && !existing.expired(now)) {
				return existing;
			}
			return new Entry(cached(load), now);
		});
		if (this.entries.size() > MAX_ENTRIES) {
			this.entries.values().removeIf((e) -> e.expired(now) && e != entry);
			if (this.entries.size() > MAX_ENTRIES) {
				this.entries.remove(key, entry);
			}
		}
		return (Mono<T>) entry.answer;
	}

	/** Forgets every cached answer (tests). */
	public void clear() {
		this.entries.clear();
	}

	private Mono<?> cached(Supplier<? extends Mono<?>> load) {
		Mono<?> bounded = Mono.defer(() -> {
			if (!this.permits.tryAcquire()) {
				return Mono.error(new UpstreamBusyException(this.maxConcurrentCalls));
			}
			try {
				return load.get().doFinally((signal) -> this.permits.release());
			}
			catch (RuntimeException ex) {
				this.permits.release();
				return Mono.error(ex);
			}
		});
		return bounded.cache((value) -> this.ttl,
				(ex) -> (ex instanceof UpstreamBusyException) ? Duration.ZERO : this.errorTtl, () -> this.ttl);
	}

	/**
	 * An entry lives at most as long as its longest TTL after it was made; Reactor's
	 * cache expires the answer inside it, so an entry past this age is only garbage.
	 */
	private final class Entry {

		private final Mono<?> answer;

		private final long createdAt;

		Entry(Mono<?> answer, long createdAt) {
			this.answer = answer;
			this.createdAt = createdAt;
		}

		boolean expired(long now) {
			// A load may take long; its answer then lives a TTL
			// from when it arrived. Keep the entry a minute beyond
			// creation so that in-flight loads are still shared.
			long maxAge = Math.max(UpstreamCalls.this.ttl.toNanos(), UpstreamCalls.this.errorTtl.toNanos())
					+ Duration.ofMinutes(1).toNanos();
			return now - this.createdAt > maxAge;
		}

	}

	/**
	 * Too many BentoCloud calls at once: the caller should come back shortly (503,
	 * Retry-After).
	 */
	public static class UpstreamBusyException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UpstreamBusyException(int limit) {
			super("This service already has " + limit + " BentoCloud calls at once in flight; try again shortly.");
		}

	}

}
