package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import dev.bentocloud.client.support.BentoCloudCredentialsGuidance;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.Durations;
import dev.bentocloud.client.support.HttpClientSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link BentoCloudClient}. In a Spring Boot application, inject the
 * auto-configured builder (or customize it with a
 * {@code BentoCloudClientBuilderCustomizer}) so that Boot's {@code WebClient.Builder},
 * connector, SSL bundle and observations apply; elsewhere:
 *
 * <pre>{@code
 * BentoCloudClient client = BentoCloudClient.builder()
 *     .credentials(BentoCloudCredentialsResolver.bentoml().resolve())
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BentoCloudClientBuilder {

	/**
	 * The BentoML release whose client wire contract this client implements, sent as
	 * {@value #BENTOML_VERSION_HEADER} on every management request unless
	 * {@link #bentomlVersion(String)} says otherwise.
	 */
	public static final String DEFAULT_BENTOML_VERSION = "1.4.38";

	// The defaults, as numbers so that the starter's properties can name them in
	// @DefaultValue: each default is written here only.

	/** Default connect timeout, in seconds. */
	public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

	/** Default response timeout, in seconds. */
	public static final int DEFAULT_RESPONSE_TIMEOUT_SECONDS = 60;

	/** Default most pages one list may take. */
	public static final int DEFAULT_MAX_PAGES = 1000;

	/** Default retries of a GET request after the first attempt. */
	public static final int DEFAULT_MAX_RETRIES = 3;

	/** Default delay before the first retry, in milliseconds. */
	public static final int DEFAULT_INITIAL_BACKOFF_MILLIS = 200;

	/** Default longest delay between attempts, in seconds. */
	public static final int DEFAULT_MAX_BACKOFF_SECONDS = 5;

	static final String TOKEN_HEADER = "X-YATAI-API-TOKEN";

	static final String BENTOML_VERSION_HEADER = "X-Bentoml-Version";

	private URI endpoint = URI.create(BentoCloudEndpoints.DEFAULT_ENDPOINT);

	private @Nullable String apiToken;

	private String noTokenMessage = BentoCloudCredentialsGuidance.noToken((String) null);

	private Supplier<WebClient.@Nullable Builder> webClientBuilder = () -> null;

	private @Nullable BentoCloudConnectorFactory connectorFactory;

	private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);

	private Duration responseTimeout = Duration.ofSeconds(DEFAULT_RESPONSE_TIMEOUT_SECONDS);

	private RetryPolicy retry = new RetryPolicy(DEFAULT_MAX_RETRIES, Duration.ofMillis(DEFAULT_INITIAL_BACKOFF_MILLIS),
			Duration.ofSeconds(DEFAULT_MAX_BACKOFF_SECONDS));

	private boolean allowInsecureEndpoint;

	private @Nullable Duration callTimeout;

	private int maxPages = DEFAULT_MAX_PAGES;

	private String bentomlVersion = DEFAULT_BENTOML_VERSION;

	BentoCloudClientBuilder() {
	}

	/**
	 * The organization's management endpoint.
	 * @param endpoint e.g. {@code https://acme.cloud.bentoml.com}
	 * @return this builder
	 */
	public BentoCloudClientBuilder endpoint(URI endpoint) {
		Assert.notNull(endpoint, "endpoint must not be null");
		// Never echo the URL: its user info may hold a password.
		Assert.isTrue(endpoint.getRawUserInfo() == null,
				() -> "The BentoCloud endpoint " + BentoCloudEndpoints.displayable(endpoint.toString())
						+ " contains user info, which BentoCloud does not use: remove the user:password@ part");
		Assert.isTrue(BentoCloudEndpoints.isHttpUrl(endpoint), () -> "The BentoCloud endpoint "
				+ BentoCloudEndpoints.displayable(endpoint.toString()) + " must be an absolute http or https URL");
		this.endpoint = endpoint;
		return this;
	}

	/**
	 * The organization's management endpoint.
	 * @param endpoint e.g. {@code https://acme.cloud.bentoml.com}
	 * @return this builder
	 */
	public BentoCloudClientBuilder endpoint(String endpoint) {
		return endpoint(URI.create(endpoint));
	}

	/**
	 * The API token; without one every call fails with
	 * {@link BentoCloudCredentialsException}.
	 * @param apiToken the token, or {@code null}
	 * @return this builder
	 */
	public BentoCloudClientBuilder apiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
		return this;
	}

	/**
	 * Endpoint and token from a resolver, such as BentoML's credential chain; without a
	 * token, calls fail with the resolver's guidance (where it looked, what to do).
	 * @param credentials the credentials
	 * @return this builder
	 */
	public BentoCloudClientBuilder credentials(BentoCloudCredentials credentials) {
		endpoint(credentials.endpoint());
		apiToken(credentials.apiToken());
		this.noTokenMessage = credentials.noTokenGuidance();
		return this;
	}

	/**
	 * A builder to clone, typically Boot's, so that its customizers and observations
	 * apply.
	 * @param webClientBuilder the builder
	 * @return this builder
	 */
	public BentoCloudClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
		this.webClientBuilder = () -> webClientBuilder;
		return this;
	}

	/**
	 * A builder to clone, asked for on the client's first call rather than at
	 * {@link #build()}: Boot's builder brings its connector and observation set-up, which
	 * startup need not pay.
	 * @param webClientBuilder supplies the builder, or {@code null} for a plain one
	 * @return this builder
	 */
	public BentoCloudClientBuilder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder supplier must not be null");
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * How to create the HTTP connector (default:
	 * {@link BentoCloudConnectorFactory#detect()}).
	 * @param connectorFactory the factory; its connectors must not follow redirects
	 * @return this builder
	 */
	public BentoCloudClientBuilder connectorFactory(BentoCloudConnectorFactory connectorFactory) {
		Assert.notNull(connectorFactory, "connectorFactory must not be null");
		this.connectorFactory = connectorFactory;
		return this;
	}

	/**
	 * How long to wait for a TCP connection.
	 * @param connectTimeout the timeout (default 10 s)
	 * @return this builder
	 */
	public BentoCloudClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = Durations.requirePositive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * How long to wait for a response.
	 * @param responseTimeout the timeout (default 60 s)
	 * @return this builder
	 */
	public BentoCloudClientBuilder responseTimeout(Duration responseTimeout) {
		this.responseTimeout = Durations.requirePositive(responseTimeout, "responseTimeout");
		return this;
	}

	/**
	 * The longest one call may take, retries and backoffs included (default: twice the
	 * response timeout). It also ends a response whose body drips so slowly that no read
	 * timeout fires.
	 * @param callTimeout the deadline
	 * @return this builder
	 */
	public BentoCloudClientBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = Durations.requirePositive(callTimeout, "callTimeout");
		return this;
	}

	/**
	 * The most pages a list may take (default 1,000, that is 100,000 items): a server
	 * whose list never ends fails the list with
	 * {@link BentoCloudMalformedResponseException} instead.
	 * @param maxPages the maximum, at least 1
	 * @return this builder
	 */
	public BentoCloudClientBuilder maxPages(int maxPages) {
		Assert.isTrue(maxPages >= 1, "maxPages must be at least 1");
		this.maxPages = maxPages;
		return this;
	}

	/**
	 * Retries of GET requests on connect errors, 429, 502, 503 and 504.
	 * @param maxRetries retries after the first attempt; 0 disables retries
	 * @param initialBackoff the first delay, doubled each time with jitter
	 * @param maxBackoff the longest delay, {@code Retry-After} included
	 * @return this builder
	 */
	public BentoCloudClientBuilder retry(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
		Assert.isTrue(maxRetries >= 0, "maxRetries must not be negative");
		this.retry = new RetryPolicy(maxRetries, initialBackoff, maxBackoff);
		return this;
	}

	/**
	 * Allows sending the token over plain http to a non-loopback host (with a warning).
	 * @param allowInsecureEndpoint whether to allow it
	 * @return this builder
	 */
	public BentoCloudClientBuilder allowInsecureEndpoint(boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
		return this;
	}

	/**
	 * The BentoML version to announce in the {@code X-Bentoml-Version} header, as the
	 * Python client sends its installed version (default
	 * {@link #DEFAULT_BENTOML_VERSION}).
	 * @param bentomlVersion e.g. {@code 1.4.38}
	 * @return this builder
	 */
	public BentoCloudClientBuilder bentomlVersion(String bentomlVersion) {
		Assert.hasText(bentomlVersion, "bentomlVersion must not be empty");
		Assert.isTrue(bentomlVersion.strip().chars().allMatch((c) -> c > 0x20 && c < 0x7f),
				"bentomlVersion must be printable ASCII without spaces");
		this.bentomlVersion = bentomlVersion.strip();
		return this;
	}

	/**
	 * Builds the client. No connection is made until the first call.
	 * @return the client
	 * @throws IllegalStateException if the token would go over plain http to a
	 * non-loopback host and that is not allowed
	 */
	public BentoCloudClient build() {
		String token = (this.apiToken != null && !this.apiToken.isBlank()) ? this.apiToken.strip() : null;
		HttpClientSupport.checkTransport(this.endpoint, token != null, this.allowInsecureEndpoint,
				"BentoCloudClientBuilder.allowInsecureEndpoint(true)");
		Duration callTimeout = (this.callTimeout != null) ? this.callTimeout : this.responseTimeout.multipliedBy(2);
		// A snapshot of the settings, so that later
		// changes to this builder do not leak in.
		return new ManagementClientWiring(this.endpoint, token, this.noTokenMessage, this.webClientBuilder,
				(this.connectorFactory != null) ? this.connectorFactory : BentoCloudConnectorFactory.detect(),
				this.connectTimeout, this.responseTimeout, this.retry, callTimeout, this.maxPages, this.bentomlVersion)
			.createClient();
	}

}
