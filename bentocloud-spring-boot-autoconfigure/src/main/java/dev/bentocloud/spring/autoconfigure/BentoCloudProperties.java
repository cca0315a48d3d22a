package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for BentoCloud, bound from {@code bentocloud.*}.
 * <p>
 * The API token may come from several layers (Spring properties, BentoML's
 * {@code BENTO_CLOUD_API_KEY}, or a {@code .yatai.yaml} context); see the README for the
 * precedence. {@link #toString()} never prints the token.
 *
 * @param enabled Whether to auto-configure the BentoCloud client.
 * @param apiToken API token sent as X-YATAI-API-TOKEN to the management API. Prefer
 * BENTO_CLOUD_API_KEY or `bentoml cloud login` over putting it in a file.
 * @param endpoint Base URL of the organization's BentoCloud management API.
 * @param context Name of the .yatai.yaml context to use. Defaults to the file's
 * current_context_name.
 * @param configFile Path of the BentoML credentials file. Defaults to
 * $BENTOML_HOME/.yatai.yaml, then ~/bentoml/.yatai.yaml.
 * @param connectTimeout Connect timeout for calls to BentoCloud.
 * @param responseTimeout Response timeout for one request to BentoCloud.
 * @param callTimeout Longest one call to BentoCloud may take, retries included. Defaults
 * to twice the response timeout.
 * @param maxPages Maximum number of pages a list may take before it fails as malformed.
 * @param allowInsecureEndpoint Whether the API token may be sent over plain http to a
 * host that is not loopback.
 * @param credentials Where the credentials come from.
 * @param retry Retries of idempotent calls.
 * @param health The health indicator.
 * @param service Calls to deployed BentoML services: the defaults of every service.
 * @param services Deployed BentoML services to call by name. Each has either a url or a
 * deployment (with an optional cluster), and optionally a token, timeout and
 * stream-idle-timeout that override bentocloud.service. Each becomes a BentoServiceClient
 * bean qualified by its name.
 * @param bentomlVersion BentoML version sent as X-Bentoml-Version on every management
 * request, as the BentoML Python client sends its own version.
 * @param warmUp Preparing the client once the application is ready.
 * @since 0.1.0
 */
@ConfigurationProperties("bentocloud")
public record BentoCloudProperties(@DefaultValue("true") boolean enabled, @Nullable String apiToken,
		@DefaultValue(BentoCloudEndpoints.DEFAULT_ENDPOINT) @CheckedValue.HttpUrl(
				example = "https://acme.cloud.bentoml.com") URI endpoint,
		@Nullable String context, @Nullable Path configFile,
		@DefaultValue(BentoCloudClientBuilder.DEFAULT_CONNECT_TIMEOUT_SECONDS
				+ "s") @CheckedValue.Positive Duration connectTimeout,
		@DefaultValue(BentoCloudClientBuilder.DEFAULT_RESPONSE_TIMEOUT_SECONDS
				+ "s") @CheckedValue.Positive Duration responseTimeout,
		@CheckedValue.Positive @Nullable Duration callTimeout,
		@DefaultValue("" + BentoCloudClientBuilder.DEFAULT_MAX_PAGES) @CheckedValue.Positive int maxPages,
		@DefaultValue("false") boolean allowInsecureEndpoint, @DefaultValue Credentials credentials,
		@DefaultValue Retry retry, @DefaultValue Health health, @DefaultValue Service service,
		@DefaultValue Map<String, NamedService> services,
		@DefaultValue(BentoCloudClientBuilder.DEFAULT_BENTOML_VERSION) String bentomlVersion,
		@DefaultValue WarmUp warmUp) {

	public BentoCloudProperties {
		// Insertion order is the configuration's order: names are listed in that order.
		services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
	}

	/**
	 * Whether a non-blank API token is configured.
	 * @return {@code true} with a token
	 */
	public boolean hasApiToken() {
		return this.apiToken != null && !this.apiToken.isBlank();
	}

	@Override
	public String toString() {
		return "BentoCloudProperties[enabled=" + this.enabled + ", apiToken=" + masked(this.apiToken) + ", endpoint="
				+ BentoCloudEndpoints.displayable(String.valueOf(this.endpoint)) + ", context=" + this.context
				+ ", configFile=" + this.configFile + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
				+ this.responseTimeout + ", callTimeout=" + this.callTimeout + ", maxPages=" + this.maxPages
				+ ", allowInsecureEndpoint=" + this.allowInsecureEndpoint + ", credentials=" + this.credentials
				+ ", retry=" + this.retry + ", health=" + this.health + ", service=" + this.service + ", services="
				+ this.services + ", bentomlVersion=" + this.bentomlVersion + ", warmUp=" + this.warmUp + "]";
	}

	static String masked(@Nullable String token) {
		return (token != null && !token.isBlank()) ? SecretScrubber.MASK : "<none>";
	}

	/**
	 * Where the credentials come from.
	 *
	 * @param bentomlSources Whether BentoML's sources (the BENTO_CLOUD_API_KEY and
	 * BENTO_CLOUD_API_ENDPOINT environment variables and the .yatai.yaml file) may supply
	 * the token and endpoint. When false, only Spring's own property sources do.
	 */
	public record Credentials(@DefaultValue("true") boolean bentomlSources) {
	}

	/**
	 * Retries of idempotent (GET) calls on connect errors, 502, 503, 504 and 429.
	 *
	 * @param maxRetries Maximum number of retries after the first attempt. 0 turns
	 * retries off.
	 * @param initialBackoff Delay before the first retry. It doubles with jitter for each
	 * retry.
	 * @param maxBackoff Longest delay between attempts, Retry-After included.
	 * @param maxAttempts Deprecated: use max-retries, which it stands for.
	 */
	public record Retry(
			@DefaultValue("" + BentoCloudClientBuilder.DEFAULT_MAX_RETRIES) @CheckedValue.NotNegative int maxRetries,
			@DefaultValue(BentoCloudClientBuilder.DEFAULT_INITIAL_BACKOFF_MILLIS
					+ "ms") @CheckedValue.Positive Duration initialBackoff,
			@DefaultValue(BentoCloudClientBuilder.DEFAULT_MAX_BACKOFF_SECONDS
					+ "s") @CheckedValue.Positive Duration maxBackoff,
			@Deprecated @CheckedValue.NotNegative @Nullable Integer maxAttempts) {

		/**
		 * The retries to make: the deprecated {@code max-attempts} when it is set, as it
		 * always meant retries, else {@code max-retries}.
		 * @return the number of retries after the first attempt
		 */
		@SuppressWarnings("deprecation")
		public int effectiveMaxRetries() {
			return (this.maxAttempts != null) ? this.maxAttempts : this.maxRetries;
		}

	}

	/**
	 * The health indicator.
	 *
	 * @param timeout Longest a health check waits for BentoCloud before reporting DOWN.
	 * @param cacheTtl How long a health result is reused, so that frequent probes from
	 * many replicas do not each call BentoCloud.
	 */
	public record Health(@DefaultValue("3s") @CheckedValue.Positive Duration timeout,
			@DefaultValue("10s") @CheckedValue.NotNegative Duration cacheTtl) {
	}

	/**
	 * Preparing the client once the application is ready, so that the first call does not
	 * pay for it.
	 *
	 * @param enabled Whether to prepare the BentoCloud client (WebClient, connector, JSON
	 * readers) on a background thread once the application is ready. It sends nothing to
	 * BentoCloud.
	 */
	public record WarmUp(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Calls to deployed BentoML services (deployment URLs), authenticated with
	 * Authorization: Bearer. These are the defaults of every service in
	 * {@code bentocloud.services} and the settings of the
	 * {@code BentoServiceClientFactory} bean.
	 *
	 * @param token Token with Protected Endpoint Access sent to deployed services. Never
	 * defaults to the management API token.
	 * @param timeout Longest one call to a deployed service (response and body) may take.
	 * @param streamIdleTimeout Longest a streamed answer may go without a chunk. Defaults
	 * to the service's timeout.
	 * @param maxResponseSize Largest answer of a deployed service held in memory. Files
	 * and text streams are not limited.
	 * @param checkCalls Whether to check routes and arguments against the service's
	 * /schema.json before sending a call.
	 * @param deploymentHosts Domains whose hosts a deployment's URL may name for the
	 * service token to be sent there. Loopback and the management endpoint's host are
	 * always trusted; "*" trusts any host.
	 */
	public record Service(@Nullable String token,
			@DefaultValue(BentoServiceClientFactory.DEFAULT_CALL_TIMEOUT_SECONDS
					+ "s") @CheckedValue.Positive Duration timeout,
			@CheckedValue.Positive @Nullable Duration streamIdleTimeout,
			@DefaultValue(BentoServiceClientFactory.DEFAULT_MAX_RESPONSE_SIZE_MEGABYTES
					+ "MB") @CheckedValue.Positive DataSize maxResponseSize,
			@DefaultValue("true") boolean checkCalls,
			@DefaultValue(BentoServiceClientFactory.DEFAULT_DEPLOYMENT_HOSTS) List<String> deploymentHosts) {

		@Override
		public String toString() {
			return "Service[token=" + masked(this.token) + ", timeout=" + this.timeout + ", streamIdleTimeout="
					+ this.streamIdleTimeout + ", maxResponseSize=" + this.maxResponseSize + ", checkCalls="
					+ this.checkCalls + ", deploymentHosts=" + this.deploymentHosts + "]";
		}

	}

	/**
	 * One deployed BentoML service, called at {@code url} or at the URL of
	 * {@code deployment} (looked up on first call); exactly one of them is set. Unset
	 * values fall back to {@code bentocloud.service.*}.
	 *
	 * @param url Base URL of the service, such as
	 * https://summarizer-acme.mt-guc1.bentoml.ai.
	 * @param deployment Name of the BentoCloud deployment whose URL is looked up on first
	 * call, with the BentoCloud API token.
	 * @param cluster Cluster of the deployment. Defaults to the organization's default
	 * cluster.
	 * @param token Token with Protected Endpoint Access sent as Authorization: Bearer.
	 * Defaults to bentocloud.service.token.
	 * @param timeout Longest one call may take. Defaults to bentocloud.service.timeout.
	 * @param streamIdleTimeout Longest a streamed answer may go without a chunk. Defaults
	 * to bentocloud.service.stream-idle-timeout, then to this service's timeout.
	 */
	public record NamedService(
			@CheckedValue.HttpUrl(example = "https://summarizer-acme.mt-guc1.bentoml.ai") @Nullable URI url,
			@Nullable String deployment, @Nullable String cluster, @Nullable String token,
			@CheckedValue.Positive @Nullable Duration timeout,
			@CheckedValue.Positive @Nullable Duration streamIdleTimeout) {

		/**
		 * Whether the service is found through a deployment rather than a URL.
		 * @return {@code true} when a non-blank deployment name is set
		 */
		public boolean hasDeployment() {
			return this.deployment != null && !this.deployment.isBlank();
		}

		@Override
		public String toString() {
			return "NamedService[url="
					+ ((this.url != null) ? BentoCloudEndpoints.displayable(this.url.toString()) : null)
					+ ", deployment=" + this.deployment + ", cluster=" + this.cluster + ", token=" + masked(this.token)
					+ ", timeout=" + this.timeout + ", streamIdleTimeout=" + this.streamIdleTimeout + "]";
		}

	}

}
