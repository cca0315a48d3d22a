package dev.bentocloud.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.bentocloud.emulator.server.FaultAction;
import dev.bentocloud.emulator.server.InjectedFault;
import org.jspecify.annotations.Nullable;

/**
 * One fault: which requests it matches (method and path, exact or glob with {@code *}),
 * how often it fires, and what it does. Created by {@link Faults#on(String, String)}; it
 * starts to match once an action ({@link #respond}, {@link #body}, {@link #delay},
 * {@link #truncatedBody}, {@link #resetMidBody}, {@link #resetConnection},
 * {@link #redirect}) is set. Set {@link #times(int)} before the action.
 */
public final class FaultRule {

	private final FaultMatcher matcher;

	private final Map<String, String> headers = new ConcurrentHashMap<>();

	private volatile @Nullable FaultAction action;

	private volatile int status = 200;

	private volatile @Nullable String body;

	private volatile Duration delay = Duration.ZERO;

	private volatile @Nullable String location;

	private volatile @Nullable String contentType;

	private volatile @Nullable Duration dripInterval;

	private volatile boolean ignoreStart;

	private volatile @Nullable Integer total;

	FaultRule(String method, String path) {
		this.matcher = new FaultMatcher(method, path);
	}

	/**
	 * Fire for the next {@code n} matching requests only, then let later rules or the
	 * server answer.
	 */
	public FaultRule times(int n) {
		this.matcher.times(n);
		return this;
	}

	/**
	 * Fire for a matching request only with this probability (0 to 1), for soak tests
	 * that mix faults into normal traffic; a request the rule passes over goes on to
	 * later rules.
	 */
	public FaultRule probability(double probability) {
		this.matcher.probability(probability);
		return this;
	}

	/**
	 * Answer with this status and a JSON body {@code {"message": "injected fault ..."}}.
	 */
	public FaultRule respond(int status) {
		checkStatus(status);
		this.status = status;
		this.action = FaultAction.RESPOND;
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
		this.action = FaultAction.RESPOND;
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
		this.action = FaultAction.DRIP;
		return this;
	}

	/**
	 * A list endpoint that ignores {@code start}: every page is the first one,
	 * {@code start: 0}.
	 */
	public FaultRule ignoreStart() {
		this.ignoreStart = true;
		if (this.action == null) {
			this.action = FaultAction.PASS;
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
			this.action = FaultAction.PASS;
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
			this.action = FaultAction.PASS;
		}
		return this;
	}

	/**
	 * Send the normal answer's head with its full Content-Length but only half the body,
	 * then close.
	 */
	public FaultRule truncatedBody() {
		this.action = FaultAction.TRUNCATE;
		return this;
	}

	/**
	 * Send the normal answer's head with its full Content-Length and half the body, then
	 * reset the connection (TCP RST, not an orderly close).
	 */
	public FaultRule resetMidBody() {
		this.action = FaultAction.RESET_MID_BODY;
		return this;
	}

	/** Close the connection (TCP reset) without any response. */
	public FaultRule resetConnection() {
		this.action = FaultAction.RESET;
		return this;
	}

	/** Answer 302 with this {@code Location}. */
	public FaultRule redirect(String location) {
		this.location = Objects.requireNonNull(location, "location");
		this.status = 302;
		this.action = FaultAction.REDIRECT;
		return this;
	}

	/** How many requests this rule has answered so far. */
	public int hits() {
		return this.matcher.hits();
	}

	/**
	 * Claims one use of this rule for the request, if it has an action, matches and has
	 * uses left.
	 * @return the fault to inject, or {@code null}
	 */
	@Nullable InjectedFault claim(String requestMethod, String requestPath) {
		FaultAction action = this.action;
		if (action == null || !this.matcher.tryClaim(requestMethod, requestPath)) {
			return null;
		}
		return new InjectedFault(action, this.status, this.body, this.delay, this.location, this.contentType,
				this.dripInterval, this.ignoreStart, this.total, this.headers);
	}

	private static void checkStatus(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
		}
	}

	@Override
	public String toString() {
		return "FaultRule[" + this.matcher + " -> " + this.action + "]";
	}

}
