package dev.bentocloud.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A {@code key=value} label on a BentoCloud resource.
 *
 * @param key the key
 * @param value the value
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Label(String key, String value) {

	public static Label of(String key, String value) {
		return new Label(key, value);
	}

}
