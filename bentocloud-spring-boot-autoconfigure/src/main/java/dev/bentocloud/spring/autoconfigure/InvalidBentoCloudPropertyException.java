package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.spring.credentials.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * A {@code bentocloud.*} property that cannot work: an unknown key, an endpoint that is
 * not an http(s) URL, a token that would travel over plain http, a duration that is not
 * positive. Stops startup with a failure report naming the property, where its value was
 * set, and the fix. The message never contains a token, and shows control characters
 * escaped.
 *
 * @since 0.1.0
 */
public class InvalidBentoCloudPropertyException extends RuntimeException {

	private final String property;

	private final @Nullable String value;

	private final String origin;

	private final String problem;

	private final String action;

	/**
	 * Creates a new exception.
	 * @param property the property, e.g. {@code bentocloud.endpoint}
	 * @param value the value as it may be shown (never a token), or {@code null}
	 * @param origin where the value was set
	 * @param problem what is wrong
	 * @param action how to fix it
	 */
	public InvalidBentoCloudPropertyException(String property, @Nullable String value, String origin, String problem,
			String action) {
		// Escaped: Spring logs the message of an exception that stops the context's
		// refresh.
		super(SafeText.line(property + ((value != null) ? " = '" + SafeText.value(value) + "'" : "") + " (" + origin
				+ "): " + problem + ". " + action));
		this.property = property;
		this.value = value;
		this.origin = origin;
		this.problem = problem;
		this.action = action;
	}

	/** The property, e.g. {@code bentocloud.endpoint}. */
	public String getProperty() {
		return this.property;
	}

	/** The value as it may be shown, or {@code null}. */
	public @Nullable String getValue() {
		return this.value;
	}

	/** Where the value was set. */
	public String getOrigin() {
		return this.origin;
	}

	/** What is wrong. */
	public String getProblem() {
		return this.problem;
	}

	/** How to fix it. */
	public String getAction() {
		return this.action;
	}

}
