package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for BentoCloud, bound from {@code bentocloud.*}.
 * <p>
 * The API token may come from several layers (Spring properties, BentoML's
 * {@code BENTO_CLOUD_API_KEY}, or a {@code .yatai.yaml} context); see the README for the
 * precedence. {@link #toString()} never prints the token.
 * <p>
 * As Boot's own properties, these are bound once at startup and the starter's beans read
 * them when they are created; changing them afterwards changes no client.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("bentocloud")
public class BentoCloudProperties {

	/**
	 * Whether to auto-configure the BentoCloud client.
	 */
	private boolean enabled = true;

	/**
	 * API token sent as X-YATAI-API-TOKEN to the management API. Prefer
	 * BENTO_CLOUD_API_KEY or `bentoml cloud login` over putting it in a file.
	 */
	private @Nullable String apiToken;

	/**
	 * Base URL of the organization's BentoCloud management API.
	 */
	@CheckedValue.HttpUrl(example = "https://acme.cloud.bentoml.com")
	private URI endpoint = URI.create(BentoCloudEndpoints.DEFAULT_ENDPOINT);

	/**
	 * Name of the .yatai.yaml context to use. Defaults to the file's
	 * current_context_name.
	 */
	private @Nullable String context;

	/**
	 * Path of the BentoML credentials file. Defaults to $BENTOML_HOME/.yatai.yaml, then
	 * ~/bentoml/.yatai.yaml.
	 */
	private @Nullable Path configFile;

	/**
	 * Connect timeout for calls to BentoCloud.
	 */
	@CheckedValue.Positive
	private Duration connectTimeout = Duration.ofSeconds(BentoCloudClientBuilder.DEFAULT_CONNECT_TIMEOUT_SECONDS);

	/**
	 * Response timeout for one request to BentoCloud.
	 */
	@CheckedValue.Positive
	private Duration responseTimeout = Duration.ofSeconds(BentoCloudClientBuilder.DEFAULT_RESPONSE_TIMEOUT_SECONDS);

	/**
	 * Longest one call to BentoCloud may take, retries included. Defaults to twice the
	 * response timeout.
	 */
	@CheckedValue.Positive
	private @Nullable Duration callTimeout;

	/**
	 * Maximum number of pages a list may take before it fails as malformed.
	 */
	@CheckedValue.Positive
	private int maxPages = BentoCloudClientBuilder.DEFAULT_MAX_PAGES;

	/**
	 * Whether the API token may be sent over plain http to a host that is not loopback.
	 */
	private boolean allowInsecureEndpoint;

	/**
	 * Where the credentials come from.
	 */
	private final Credentials credentials = new Credentials();

	/**
	 * Retries of idempotent calls.
	 */
	private final Retry retry = new Retry();

	/**
	 * The health indicator.
	 */
	private final Health health = new Health();

	/**
	 * Calls to deployed BentoML services: the defaults of every service.
	 */
	private final Service service = new Service();

	/**
	 * Deployed BentoML services to call by name. Each has either a url or a deployment
	 * (with an optional cluster), and optionally a token, timeout and stream-idle-timeout
	 * that override bentocloud.service. Each becomes a BentoServiceClient bean qualified
	 * by its name.
	 */
	// Insertion order is the configuration's order: names are listed in that order.
	private final Map<String, NamedService> services = new LinkedHashMap<>();

	/**
	 * BentoML version sent as X-Bentoml-Version on every management request, as the
	 * BentoML Python client sends its own version.
	 */
	private String bentomlVersion = BentoCloudClientBuilder.DEFAULT_BENTOML_VERSION;

	/**
	 * Preparing the client once the application is ready.
	 */
	private final WarmUp warmUp = new WarmUp();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	/**
	 * Whether a non-blank API token is configured.
	 * @return {@code true} with a token
	 */
	public boolean hasApiToken() {
		return this.apiToken != null && !this.apiToken.isBlank();
	}

	public URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(URI endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable String getContext() {
		return this.context;
	}

	public void setContext(@Nullable String context) {
		this.context = context;
	}

	public @Nullable Path getConfigFile() {
		return this.configFile;
	}

	public void setConfigFile(@Nullable Path configFile) {
		this.configFile = configFile;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public @Nullable Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(@Nullable Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public int getMaxPages() {
		return this.maxPages;
	}

	public void setMaxPages(int maxPages) {
		this.maxPages = maxPages;
	}

	public boolean isAllowInsecureEndpoint() {
		return this.allowInsecureEndpoint;
	}

	public void setAllowInsecureEndpoint(boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	public Service getService() {
		return this.service;
	}

	public Map<String, NamedService> getServices() {
		return this.services;
	}

	public String getBentomlVersion() {
		return this.bentomlVersion;
	}

	public void setBentomlVersion(String bentomlVersion) {
		this.bentomlVersion = bentomlVersion;
	}

	public WarmUp getWarmUp() {
		return this.warmUp;
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
	 */
	public static class Credentials {

		/**
		 * Whether BentoML's sources (the BENTO_CLOUD_API_KEY and BENTO_CLOUD_API_ENDPOINT
		 * environment variables and the .yatai.yaml file) may supply the token and
		 * endpoint. When false, only Spring's own property sources do.
		 */
		private boolean bentomlSources = true;

		public boolean isBentomlSources() {
			return this.bentomlSources;
		}

		public void setBentomlSources(boolean bentomlSources) {
			this.bentomlSources = bentomlSources;
		}

		@Override
		public String toString() {
			return "Credentials[bentomlSources=" + this.bentomlSources + "]";
		}

	}

	/**
	 * Retries of idempotent (GET) calls on connect errors, 502, 503, 504 and 429.
	 */
	public static class Retry {

		/**
		 * Maximum number of retries after the first attempt. 0 turns retries off.
		 */
		@CheckedValue.NotNegative
		private int maxRetries = BentoCloudClientBuilder.DEFAULT_MAX_RETRIES;

		/**
		 * Delay before the first retry. It doubles with jitter for each retry.
		 */
		@CheckedValue.Positive
		private Duration initialBackoff = Duration.ofMillis(BentoCloudClientBuilder.DEFAULT_INITIAL_BACKOFF_MILLIS);

		/**
		 * Longest delay between attempts, Retry-After included.
		 */
		@CheckedValue.Positive
		private Duration maxBackoff = Duration.ofSeconds(BentoCloudClientBuilder.DEFAULT_MAX_BACKOFF_SECONDS);

		/**
		 * Maximum number of retries after the first attempt.
		 */
		@CheckedValue.NotNegative
		private @Nullable Integer maxAttempts;

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * The deprecated {@code max-attempts}, which always counted retries.
		 * @return the number of retries, or {@code null} when not set
		 * @deprecated in favour of {@link #getMaxRetries()}
		 */
		@Deprecated
		@DeprecatedConfigurationProperty(reason = "The value always counted retries, not attempts.",
				replacement = "bentocloud.retry.max-retries")
		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Sets the deprecated {@code max-attempts}.
		 * @param maxAttempts the number of retries
		 * @deprecated in favour of {@link #setMaxRetries(int)}
		 */
		@Deprecated
		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * The retries to make: the deprecated {@code max-attempts} when it is set, as it
		 * always meant retries, else {@code max-retries}.
		 * @return the number of retries after the first attempt
		 */
		public int effectiveMaxRetries() {
			return (this.maxAttempts != null) ? this.maxAttempts : this.maxRetries;
		}

		@Override
		public String toString() {
			return "Retry[maxRetries=" + this.maxRetries + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
					+ this.maxBackoff + ", maxAttempts=" + this.maxAttempts + "]";
		}

	}

	/**
	 * The health indicator.
	 */
	public static class Health {

		/**
		 * Longest a health check waits for BentoCloud before reporting DOWN.
		 */
		@CheckedValue.Positive
		private Duration timeout = Duration.ofSeconds(3);

		/**
		 * How long a health result is reused, so that frequent probes from many replicas
		 * do not each call BentoCloud.
		 */
		@CheckedValue.NotNegative
		private Duration cacheTtl = Duration.ofSeconds(10);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		@Override
		public String toString() {
			return "Health[timeout=" + this.timeout + ", cacheTtl=" + this.cacheTtl + "]";
		}

	}

	/**
	 * Preparing the client once the application is ready, so that the first call does not
	 * pay for it.
	 */
	public static class WarmUp {

		/**
		 * Whether to prepare the BentoCloud client (WebClient, connector, JSON readers)
		 * on a background thread once the application is ready. It sends nothing to
		 * BentoCloud.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		@Override
		public String toString() {
			return "WarmUp[enabled=" + this.enabled + "]";
		}

	}

	/**
	 * Calls to deployed BentoML services (deployment URLs), authenticated with
	 * Authorization: Bearer. These are the defaults of every service in
	 * {@code bentocloud.services} and the settings of the
	 * {@code BentoServiceClientFactory} bean.
	 */
	public static class Service {

		/**
		 * Token with Protected Endpoint Access sent to deployed services. Never defaults
		 * to the management API token.
		 */
		private @Nullable String token;

		/**
		 * Longest one call to a deployed service (response and body) may take.
		 */
		@CheckedValue.Positive
		private Duration timeout = Duration.ofSeconds(BentoServiceClientFactory.DEFAULT_CALL_TIMEOUT_SECONDS);

		/**
		 * Longest a streamed answer may go without a chunk. Defaults to the service's
		 * timeout.
		 */
		@CheckedValue.Positive
		private @Nullable Duration streamIdleTimeout;

		/**
		 * Largest answer of a deployed service held in memory. Files and text streams are
		 * not limited.
		 */
		@CheckedValue.Positive
		private DataSize maxResponseSize = DataSize
			.ofMegabytes(BentoServiceClientFactory.DEFAULT_MAX_RESPONSE_SIZE_MEGABYTES);

		/**
		 * Whether to check routes and arguments against the service's /schema.json before
		 * sending a call.
		 */
		private boolean checkCalls = true;

		/**
		 * Domains whose hosts a deployment's URL may name for the service token to be
		 * sent there. Loopback and the management endpoint's host are always trusted; "*"
		 * trusts any host.
		 */
		private List<String> deploymentHosts = new ArrayList<>(Arrays
			.asList(StringUtils.commaDelimitedListToStringArray(BentoServiceClientFactory.DEFAULT_DEPLOYMENT_HOSTS)));

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getStreamIdleTimeout() {
			return this.streamIdleTimeout;
		}

		public void setStreamIdleTimeout(@Nullable Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		public boolean isCheckCalls() {
			return this.checkCalls;
		}

		public void setCheckCalls(boolean checkCalls) {
			this.checkCalls = checkCalls;
		}

		public List<String> getDeploymentHosts() {
			return this.deploymentHosts;
		}

		public void setDeploymentHosts(List<String> deploymentHosts) {
			this.deploymentHosts = deploymentHosts;
		}

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
	 */
	public static class NamedService {

		/**
		 * Base URL of the service, such as https://summarizer-acme.mt-guc1.bentoml.ai.
		 */
		@CheckedValue.HttpUrl(example = "https://summarizer-acme.mt-guc1.bentoml.ai")
		private @Nullable URI url;

		/**
		 * Name of the BentoCloud deployment whose URL is looked up on first call, with
		 * the BentoCloud API token.
		 */
		private @Nullable String deployment;

		/**
		 * Cluster of the deployment. Defaults to the organization's default cluster.
		 */
		private @Nullable String cluster;

		/**
		 * Token with Protected Endpoint Access sent as Authorization: Bearer. Defaults to
		 * bentocloud.service.token.
		 */
		private @Nullable String token;

		/**
		 * Longest one call may take. Defaults to bentocloud.service.timeout.
		 */
		@CheckedValue.Positive
		private @Nullable Duration timeout;

		/**
		 * Longest a streamed answer may go without a chunk. Defaults to
		 * bentocloud.service.stream-idle-timeout, then to this service's timeout.
		 */
		@CheckedValue.Positive
		private @Nullable Duration streamIdleTimeout;

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		public @Nullable String getDeployment() {
			return this.deployment;
		}

		public void setDeployment(@Nullable String deployment) {
			this.deployment = deployment;
		}

		/**
		 * Whether the service is found through a deployment rather than a URL.
		 * @return {@code true} when a non-blank deployment name is set
		 */
		public boolean hasDeployment() {
			return this.deployment != null && !this.deployment.isBlank();
		}

		public @Nullable String getCluster() {
			return this.cluster;
		}

		public void setCluster(@Nullable String cluster) {
			this.cluster = cluster;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getStreamIdleTimeout() {
			return this.streamIdleTimeout;
		}

		public void setStreamIdleTimeout(@Nullable Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
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
