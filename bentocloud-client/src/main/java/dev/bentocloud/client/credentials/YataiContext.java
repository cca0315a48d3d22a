package dev.bentocloud.client.credentials;

import java.util.Objects;

import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;

/**
 * One named context of BentoML's credentials file ({@code .yatai.yaml}), as BentoML's
 * Python {@code CloudClientContext} models it.
 * <p>
 * {@link #toString()} never prints the API token.
 *
 * @param name the context name, unique in practice (BentoML uses the first match)
 * @param endpoint the organization endpoint the token belongs to, as written in the file
 * @param apiToken the API token, sent as {@code X-YATAI-API-TOKEN}
 * @param email the user's email, or {@code null} when unknown
 * @since 0.1.0
 */
public record YataiContext(String name, String endpoint, String apiToken, @Nullable String email) {

	public YataiContext {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(apiToken, "apiToken");
	}

	/** Whether the context holds a non-blank token. */
	public boolean hasApiToken() {
		return !this.apiToken.isBlank();
	}

	@Override
	public String toString() {
		return "YataiContext[name=" + this.name + ", endpoint=" + this.endpoint + ", apiToken="
				+ (hasApiToken() ? SecretScrubber.MASK : "<empty>") + ", email=" + this.email + "]";
	}

}
