package dev.bentocloud.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;

/**
 * Masks BentoCloud tokens in the {@code env} and {@code configprops} actuator endpoints,
 * even with {@code show-values=always}: any key that names an API token or key
 * ({@code bentocloud.api-token}, {@code bentocloud.service.token},
 * {@code BENTO_CLOUD_API_KEY}, {@code apiToken}, ...), and the configured token's value
 * wherever else it appears (for example in {@code sun.java.command} when it was passed on
 * the command line).
 *
 * @since 0.1.0
 */
public final class BentoCloudSanitizingFunction implements SanitizingFunction {

	private static final String[] SECRET_PROPERTIES = { "bentocloud.api-token", "bentocloud.service.token" };

	// Compared with separators removed and lower case: api-token, api_key, apiToken,
	// API_KEY, ...
	private static final String[] SECRET_KEY_ENDINGS = { "apitoken", "apikey", "servicetoken" };

	private final Environment environment;

	public BentoCloudSanitizingFunction(Environment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (isSecretKey(data.getKey())) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof CharSequence text) {
			String masked = text.toString();
			for (String secret : secrets()) {
				masked = masked.replace(secret, SanitizableData.SANITIZED_VALUE);
			}
			if (!masked.contentEquals(text)) {
				return data.withValue(masked);
			}
		}
		return data;
	}

	static boolean isSecretKey(String key) {
		if (key == null) {
			return false;
		}
		String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		for (String ending : SECRET_KEY_ENDINGS) {
			if (normalized.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

	private List<String> secrets() {
		List<String> secrets = new ArrayList<>(SECRET_PROPERTIES.length);
		for (String property : SECRET_PROPERTIES) {
			String value = this.environment.getProperty(property);
			// A very short value would mask innocent text and says little about the token
			// anyway.
			if (value != null && value.strip().length() >= 6) {
				secrets.add(value.strip());
			}
		}
		return secrets;
	}

}
