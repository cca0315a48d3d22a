package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the BentoCloud starter, bound from {@code bentocloud.*}.
 * <p>
 * The API token may come from several layers (Spring properties, BentoML's
 * {@code BENTO_CLOUD_API_KEY}, or a {@code .yatai.yaml} context); see the README for the
 * precedence. {@link #toString()} never prints the token.
 *
 * @param enabled whether to auto-configure the BentoCloud client at all
 * @param apiToken API token sent as {@code X-YATAI-API-TOKEN} to the management API. Prefer
 * {@code BENTO_CLOUD_API_KEY} or {@code bentoml cloud login} over putting it in a file
 * @param endpoint base URL of the organization's BentoCloud management API
 * @param context name of the {@code .yatai.yaml} context to use; defaults to the file's
 * {@code current_context_name}
 * @param configFile explicit path of the BentoML credentials file; defaults to
 * {@code $BENTOML_HOME/.yatai.yaml}, then {@code ~/bentoml/.yatai.yaml}
 * @param connectTimeout how long to wait for a TCP connection to BentoCloud
 * @param responseTimeout how long to wait for a complete response to one request
 * @param allowInsecureEndpoint whether the token may be sent over plain {@code http} to a host
 * that is not loopback
 * @param retry retries of idempotent calls
 * @param health the Actuator health indicator
 * @param service calls to deployed BentoML services
 */
@ConfigurationProperties("bentocloud")
public record BentoCloudProperties(@DefaultValue("true") boolean enabled, String apiToken,
		@DefaultValue(BentoCloudProperties.DEFAULT_ENDPOINT) URI endpoint, String context, Path configFile,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration responseTimeout,
		@DefaultValue("false") boolean allowInsecureEndpoint, @DefaultValue Retry retry, @DefaultValue Health health,
		@DefaultValue Service service) {

	/** The public BentoCloud endpoint, as in BentoML's Python client. */
	public static final String DEFAULT_ENDPOINT = "https://cloud.bentoml.com";

	/** Whether a non-blank API token is configured. */
	public boolean hasApiToken() {
		return this.apiToken != null && !this.apiToken.isBlank();
	}

	@Override
	public String toString() {
		return "BentoCloudProperties[enabled=" + this.enabled + ", apiToken=" + (hasApiToken() ? "******" : "<none>")
				+ ", endpoint=" + this.endpoint + ", context=" + this.context + ", configFile=" + this.configFile
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
				+ ", allowInsecureEndpoint=" + this.allowInsecureEndpoint + ", retry=" + this.retry + ", health="
				+ this.health + ", service=" + this.service + "]";
	}

	/**
	 * Retries of idempotent (GET) calls on connect errors, 502, 503, 504 and 429.
	 *
	 * @param maxAttempts how many retries after the first attempt; 0 turns retries off
	 * @param initialBackoff the first delay between attempts; it doubles with jitter
	 * @param maxBackoff the longest delay between attempts, {@code Retry-After} included
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("5s") Duration maxBackoff) {
	}

	/**
	 * The {@code bentocloud} health indicator.
	 *
	 * @param timeout the longest a health check waits for BentoCloud before reporting DOWN
	 * @param cacheTtl how long a health result is reused, so that frequent probes from many
	 * replicas do not each call BentoCloud
	 */
	public record Health(@DefaultValue("3s") Duration timeout, @DefaultValue("10s") Duration cacheTtl) {
	}

	/**
	 * Calls to deployed BentoML services (deployment URLs), authenticated with
	 * {@code Authorization: Bearer}.
	 *
	 * @param token token with "Protected Endpoint Access" sent to deployed services; never
	 * defaults to the management API token
	 * @param timeout how long to wait for a deployed service to answer
	 */
	public record Service(String token, @DefaultValue("30s") Duration timeout) {

		@Override
		public String toString() {
			return "Service[token=" + ((this.token != null && !this.token.isBlank()) ? "******" : "<none>")
					+ ", timeout=" + this.timeout + "]";
		}
	}

}
