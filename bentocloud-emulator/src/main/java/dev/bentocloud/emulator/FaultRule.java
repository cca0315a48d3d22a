package dev.bentocloud.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One fault: which requests it matches (method and path, exact or glob with {@code *}),
 * how often it fires, and what it does. Created by {@link Faults#on(String, String)}; it
 * starts to match once an action ({@link #respond}, {@link #body}, {@link #delay},
 * {@link #truncatedBody}, {@link #resetMidBody}, {@link #resetConnection},
 * {@link #redirect}) is set. Set {@link #times(int)} before the action.
 */
public final class FaultRule {

	enum Action {

		/** Only the delay, then the normal answer. */
		PASS, RESPOND, TRUNCATE, RESET_MID_BODY, RESET, REDIRECT, DRIP

	}

	private final String method;

	private final String path;

	private final @Nullable Pattern pathPattern;

	private final AtomicInteger remaining = new AtomicInteger(-1);

	private final AtomicInteger hits = new AtomicInteger();

	private final Map<String, String> headers = new ConcurrentHashMap<>();

	private volatile @Nullable Action action;

	private volatile int status = 200;

	private volatile @Nullable String body;

	private volatile Duration delay = Duration.ZERO;

	private volatile @Nullable String location;

	private volatile double probability = 1.0;

	private volatile @Nullable String contentType;

	private volatile @Nullable Duration dripInterval;

	private volatile boolean ignoreStart;

	private volatile @Nullable Integer total;

	FaultRule(String method, String path) {
		this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
		this.path = Objects.requireNonNull(path, "path");
		this.pathPattern = path.contains("*") ? glob(path) : null;
	}

	/**
	 * Fire for the next {@code n} matching requests only, then let later rules or the
	 * server answer.
	 */
	public FaultRule times(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + n);
		}
		this.remaining.set(n);
		return this;
	}

	/**
	 * Fire for a matching request only with this probability (0 to 1), for soak tests
	 * that mix faults into normal traffic; a request the rule passes over goes on to
	 * later rules.
	 */
	public FaultRule probability(double probability) {
		if (!(probability >= 0.0 && probability <= 1.0)) {
			throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
		}
		this.probability = probability;
		return this;
	}

	/**
	 * Answer with this status and a JSON body {@code {"message": "injected fault ..."}}.
	 */
	public FaultRule respond(int status) {
		checkStatus(status);
		this.status = status;
		this.action = Action.RESPOND;
		return this;
	}

	/**
	 * Answer with this status and this exact body (sent as application/json, valid or
	 * not).
	 */
	public FaultRule body(int status, String body) {
		checkStatus(status);
		this.status = status;
		this.body = Objects.requireNonNull(body, "body");
		this.action = Action.RESPOND;
		return this;
	}

	/**
	 * Send the fault's body with this content type, e.g. {@code text/html} for a login
	 * page.
	 */
	public FaultRule contentType(String contentType) {
		this.contentType = Objects.requireNonNull(contentType, "contentType");
		return this;
	}

	/**
	 * Send the normal answer with its full Content-Length, one byte every
	 * {@code interval}: a body that drips defeats timeouts that only bound the silence
	 * between reads.
	 */
	public FaultRule drip(Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive, was " + interval);
		}
		this.dripInterval = interval;
		this.action = Action.DRIP;
		return this;
	}

	/**
	 * A list endpoint that ignores {@code start}: every page is the first one,
	 * {@code start: 0}.
	 */
	public FaultRule ignoreStart() {
		this.ignoreStart = true;
		if (this.action == null) {
			this.action = Action.PASS;
		}
		return this;
	}

	/**
	 * A list endpoint whose {@code total} is this, whatever the items: a total that stays
	 * ahead.
	 */
	public FaultRule total(int total) {
		this.total = total;
		if (this.action == null) {
			this.action = Action.PASS;
		}
		return this;
	}

	/**
	 * Add a header to the fault's answer, e.g. {@code x-trace-id} or {@code Retry-After}.
	 */
	public FaultRule header(String name, String value) {
		this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return this;
	}

	/** Wait before the first byte; on its own, the normal answer follows the delay. */
	public FaultRule delay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative, was " + delay);
		}
		this.delay = delay;
		if (this.action == null) {
			this.action = Action.PASS;
		}
		return this;
	}

	/**
	 * Send the normal answer's head with its full Content-Length but only half the body,
	 * then close.
	 */
	public FaultRule truncatedBody() {
		this.action = Action.TRUNCATE;
		return this;
	}

	/**
	 * Send the normal answer's head with its full Content-Length and half the body, then
	 * reset the connection (TCP RST, not an orderly close).
	 */
	public FaultRule resetMidBody() {
		this.action = Action.RESET_MID_BODY;
		return this;
	}

	/** Close the connection (TCP reset) without any response. */
	public FaultRule resetConnection() {
		this.action = Action.RESET;
		return this;
	}

	/** Answer 302 with this {@code Location}. */
	public FaultRule redirect(String location) {
		this.location = Objects.requireNonNull(location, "location");
		this.status = 302;
		this.action = Action.REDIRECT;
		return this;
	}

	/** How many requests this rule has answered so far. */
	public int hits() {
		return this.hits.get();
	}

	/** Claims one use of this rule for the request, if it matches and has uses left. */
	boolean tryClaim(String requestMethod, String requestPath) {
		if (this.action == null || !matches(requestMethod, requestPath)) {
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

	@Nullable String contentType() {
		return this.contentType;
	}

	@Nullable Duration dripInterval() {
		return this.dripInterval;
	}

	boolean ignoresStart() {
		return this.ignoreStart;
	}

	@Nullable Integer totalOverride() {
		return this.total;
	}

	@Nullable Action action() {
		return this.action;
	}

	int status() {
		return this.status;
	}

	@Nullable String body() {
		return this.body;
	}

	Duration delay() {
		return this.delay;
	}

	@Nullable String location() {
		return this.location;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	private static void checkStatus(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
		}
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
		return "FaultRule[" + this.method + " " + this.path + " -> " + this.action + "]";
	}

}
