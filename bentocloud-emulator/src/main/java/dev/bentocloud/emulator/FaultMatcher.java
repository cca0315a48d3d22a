package dev.bentocloud.emulator;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which requests a {@link FaultRule} answers: method and path (exact or glob with
 * {@code *}), how many times and how often; counts its hits.
 */
final class FaultMatcher {

	private final String method;

	private final String path;

	private final @Nullable Pattern pathPattern;

	private final AtomicInteger remaining = new AtomicInteger(-1);

	private final AtomicInteger hits = new AtomicInteger();

	private volatile double probability = 1.0;

	FaultMatcher(String method, String path) {
		this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
		this.path = Objects.requireNonNull(path, "path");
		this.pathPattern = path.contains("*") ? glob(path) : null;
	}

	void times(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + n);
		}
		this.remaining.set(n);
	}

	void probability(double probability) {
		if (!(probability >= 0.0 && probability <= 1.0)) {
			throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
		}
		this.probability = probability;
	}

	int hits() {
		return this.hits.get();
	}

	/** Claims one use for the request, if it matches and has uses left. */
	boolean tryClaim(String requestMethod, String requestPath) {
		if (!matches(requestMethod, requestPath)) {
			return false;
		}
		if (this.probability < 1.0 && ThreadLocalRandom.current().nextDouble() >= this.probability) {
			return false;
		}
		while (true) {
			int left = this.remaining.get();
			if (left == 0) {
				return false;
			}
			if (left < 0 || this.remaining.compareAndSet(left, left - 1)) {
				this.hits.incrementAndGet();
				return true;
			}
		}
	}

	private boolean matches(String requestMethod, String requestPath) {
		if (!"*".equals(this.method) && !this.method.equals(requestMethod)) {
			return false;
		}
		return (this.pathPattern != null) ? this.pathPattern.matcher(requestPath).matches()
				: this.path.equals(requestPath);
	}

	private static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		for (String part : glob.split("\\*", -1)) {
			if (regex.length() > 0 || glob.startsWith("*")) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString());
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

}
