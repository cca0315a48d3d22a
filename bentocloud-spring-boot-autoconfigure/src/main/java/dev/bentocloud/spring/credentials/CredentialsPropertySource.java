package dev.bentocloud.spring.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.client.BentoCloudCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.MapPropertySource;

/**
 * The resolved {@code bentocloud.api-token} and {@code bentocloud.endpoint}, the endpoint
 * with where it was set (for failure reports on it). Where the credentials came from (the
 * source, and without a token where the starter looked) are fields of the property source
 * rather than properties: they are not configuration. Both are escaped and cut
 * ({@link SafeText}), as they may quote {@code .yatai.yaml}.
 */
final class CredentialsPropertySource extends MapPropertySource implements OriginLookup<String> {

	private static final String ENDPOINT = "bentocloud.endpoint";

	private final Origin endpointOrigin;

	private final String source;

	private final @Nullable String searched;

	CredentialsPropertySource(BentoCloudCredentials credentials, String endpointOrigin) {
		super(BentoCloudCredentialsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME, properties(credentials));
		this.endpointOrigin = new DescribedOrigin(endpointOrigin);
		this.source = SafeText.line(credentials.source());
		this.searched = credentials.hasApiToken() ? null
				: String.join("; ", credentials.searched().stream().map(SafeText::line).toList());
	}

	private static Map<String, Object> properties(BentoCloudCredentials credentials) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (credentials.apiToken() != null) {
			properties.put("bentocloud.api-token", credentials.apiToken());
		}
		properties.put(ENDPOINT, credentials.endpoint());
		return properties;
	}

	@Override
	public @Nullable Origin getOrigin(String key) {
		return ENDPOINT.equals(key) ? this.endpointOrigin : null;
	}

	String source() {
		return this.source;
	}

	@Nullable String searched() {
		return this.searched;
	}

	/**
	 * Names the keys, never the values: {@code PropertySource.toString()} prints them,
	 * the token included, when this class's logger is at DEBUG.
	 */
	@Override
	public String toString() {
		return getClass().getSimpleName() + " {name='" + getName() + "', keys=" + getSource().keySet() + "}";
	}

	/** An origin that is a description: a file and line, a variable, a context. */
	private record DescribedOrigin(String description) implements Origin {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
