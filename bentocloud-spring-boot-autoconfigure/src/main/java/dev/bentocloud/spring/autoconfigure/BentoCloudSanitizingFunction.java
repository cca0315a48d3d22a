package dev.bentocloud.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;

/**
 * Masks BentoCloud tokens in the {@code env} and {@code configprops} actuator endpoints,
 * even with {@code show-values=always}: any key that names an API token or key
 * ({@code bentocloud.api-token}, {@code bentocloud.service.token},
 * {@code bentocloud.services.<name>.token}, {@code BENTO_CLOUD_API_KEY},
 * {@code apiToken}, ...), and the configured tokens' values wherever else they appear
 * (for example in {@code sun.java.command} when one was passed on the command line).
 */
public final class BentoCloudSanitizingFunction implements SanitizingFunction {

	private static final String[] SECRET_PROPERTIES = { "bentocloud.api-token", "bentocloud.service.token" };

	// Compared with separators removed and lower
	// case: api-token, api_key, apiToken, API_KEY, ...
	private static final String[] SECRET_KEY_ENDINGS = { "apitoken", "apikey", "servicetoken" };

	// bentocloud.services.<name>.token in any form: BENTOCLOUD_SERVICES_X_TOKEN,
	// bentocloud.services[x].token, and configprops' services.x.token.
	private static final String NAMED_SERVICES = "bentocloudservices";

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
		return normalized.startsWith(NAMED_SERVICES) && normalized.endsWith("token");
	}

	private List<String> secrets() {
		List<String> secrets = new ArrayList<>(SECRET_PROPERTIES.length);
		for (String property : SECRET_PROPERTIES) {
			addSecret(secrets, this.environment.getProperty(property));
		}
		for (NamedService service : namedServices().values()) {
			addSecret(secrets, service.getToken());
		}
		return secrets;
	}

	private Map<String, NamedService> namedServices() {
		try {
			return BentoServiceClientsRegistrar.bind(this.environment);
		}
		catch (RuntimeException ex) {
			// Configuration that does not bind fails startup on its own; masking goes on.
			return Map.of();
		}
	}

	private static void addSecret(List<String> secrets, @Nullable String value) {
		// A very short value would mask innocent text
		// and says little about the token anyway.
		if (value != null && value.strip().length() >= 6) {
			secrets.add(value.strip());
		}
	}

}
