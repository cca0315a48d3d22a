package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.spring.credentials.SafeText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * A {@code bentocloud.*} setting that cannot work and that Boot's own failure reports
 * cannot show safely, since they print the value as written: an unknown key (its value
 * may be a token under a misspelled name), a URL with user info (a password), a token
 * that would travel over plain http (the endpoint may come from {@code .yatai.yaml} and
 * hold escape sequences), a named service without url or deployment. Values that do not
 * convert or are out of range fail binding and get Boot's report instead. Stops startup
 * with a failure report naming the property, where its value was set, and the fix. The
 * message never contains a token, and shows control characters escaped.
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
		// Escaped: Spring logs the message of an
		// exception that stops the context's refresh.
		super(SafeText.line(property + ((value != null) ? " = '" + SafeText.value(value) + "'" : "") + " (" + origin
				+ "): " + problem + ". " + action));
		this.property = property;
		this.value = value;
		this.origin = origin;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * Creates a new exception for a property, with where its value was set.
	 * @param property the property, e.g. {@code bentocloud.endpoint}
	 * @param value the value as it may be shown (never a token), or {@code null}
	 * @param environment where the value comes from
	 * @param problem what is wrong
	 * @param action how to fix it
	 * @return the exception
	 */
	static InvalidBentoCloudPropertyException of(String property, @Nullable String value, Environment environment,
			String problem, String action) {
		return new InvalidBentoCloudPropertyException(property, value, origin(property, environment), problem, action);
	}

	/**
	 * Where a property's value was set, as Spring tracks it (file and line for config
	 * files).
	 */
	private static String origin(String property, Environment environment) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return (found.getOrigin() != null) ? found.getOrigin().toString() : String.valueOf(source);
			}
		}
		return "the default";
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
