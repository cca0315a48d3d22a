package dev.bentocloud.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An environment variable of a deployment or service.
 *
 * @param name the variable name
 * @param value its value
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvVar(String name, String value) {

	public static EnvVar of(String name, String value) {
		return new EnvVar(name, value);
	}

}
