package dev.bentocloud.it;

import java.util.Locale;

/**
 * Settings of the container tests: a system property
 * ({@code -Dbentocloud.it.base-image=...}), else the environment variable of the same
 * name in upper case with underscores ({@code BENTOCLOUD_IT_BASE_IMAGE}), which is how
 * {@code .ci/run} sets them.
 */
final class ItSettings {

	private ItSettings() {
	}

	/** The value, or {@code null} when neither is set to a non-blank value. */
	static String get(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentVariable(property));
		}
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	static String environmentVariable(String property) {
		return property.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
	}

}
