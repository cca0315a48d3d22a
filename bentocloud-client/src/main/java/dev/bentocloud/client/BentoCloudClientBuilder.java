package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds a {@link BentoCloudClient}. In a Spring Boot application, inject the
 * auto-configured builder (or customize it with a
 * {@code BentoCloudClientBuilderCustomizer}) so that Boot's {@code WebClient.Builder},
 * connector, SSL bundle and observations apply; elsewhere: <pre class="code">
 * BentoCloudClient client = BentoCloudClient.builder()
 *     .credentials(BentoCloudCredentialsResolver.bentoml().resolve())
 *     .build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class BentoCloudClientBuilder {

	static final String TOKEN_HEADER = "X-YATAI-API-TOKEN";

	private static final String UNAUTHORIZED_HINT = "The API token is wrong, revoked or expired. Run `bentoml cloud login`, set BENTO_CLOUD_API_KEY, or set bentocloud.api-token.";

	private URI endpoint = URI.create(BentoCloudEndpoints.DEFAULT_ENDPOINT);

	private @Nullable String apiToken;

	private String noTokenMessage = BentoCloudCredentialsGuidance.noToken((String) null);

	private Supplier<WebClient.@Nullable Builder> webClientBuilder = () -> null;

	private BentoCloudConnectorFactory connectorFactory = BentoCloudConnectorFactory.detect();

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration responseTimeout = Duration.ofSeconds(60);

	private HttpErrors.RetrySettings retry = new HttpErrors.RetrySettings(3, Duration.ofMillis(200),
			Duration.ofSeconds(5));

	private boolean allowInsecureEndpoint;

	BentoCloudClientBuilder() {
	}

	/**
	 * The organization's management endpoint.
	 * @param endpoint e.g. {@code https://acme.cloud.bentoml.com}
	 * @return this builder
	 */
	public BentoCloudClientBuilder endpoint(URI endpoint) {
		Assert.notNull(endpoint, "endpoint must not be null");
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
		Assert.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
		this.connectTimeout = connectTimeout;
		return this;
	}

	/**
	 * How long to wait for a response.
	 * @param responseTimeout the timeout (default 60 s)
	 * @return this builder
	 */
	public BentoCloudClientBuilder responseTimeout(Duration responseTimeout) {
		Assert.isTrue(!responseTimeout.isNegative() && !responseTimeout.isZero(), "responseTimeout must be positive");
		this.responseTimeout = responseTimeout;
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
		this.retry = new HttpErrors.RetrySettings(maxRetries, initialBackoff, maxBackoff);
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
	 * Builds the client. No connection is made until the first call.
	 * @return the client
	 * @throws IllegalStateException if the token would go over plain http to a
	 * non-loopback host and that is not allowed
	 */
	public BentoCloudClient build() {
		String token = (this.apiToken != null && !this.apiToken.isBlank()) ? this.apiToken.strip() : null;
		HttpClientSupport.checkTransport(this.endpoint, token != null, this.allowInsecureEndpoint,
				"bentocloud.allow-insecure-endpoint");
		JsonMapper mapper = BentoCloudJson.mapper();
		HttpErrors errors = new HttpErrors("BentoCloud", UNAUTHORIZED_HINT, token);
		// Settings are captured now, so that later changes to this builder do not leak
		// in.
		Supplier<WebClient.@Nullable Builder> base = this.webClientBuilder;
		BentoCloudConnectorFactory connectors = this.connectorFactory;
		Duration connectTimeout = this.connectTimeout;
		Duration responseTimeout = this.responseTimeout;
		URI endpoint = this.endpoint;
		HttpErrors.RetrySettings retry = this.retry;
		String noTokenMessage = this.noTokenMessage;
		Supplier<ManagementApi> api = SingletonSupplier.of(() -> {
			WebClient webClient = HttpClientSupport.builder(base, connectors, connectTimeout, responseTimeout)
				.baseUrl(endpoint.toString())
				.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
				.codecs((codecs) -> {
					codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper));
					codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(mapper));
					codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
				})
				.filter(errors.filter(retry))
				.filter(authentication(token, noTokenMessage))
				.build();
			return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient))
				.build()
				.createClient(ManagementApi.class);
		});
		return new DefaultBentoCloudClient(endpoint, api, errors, mapper);
	}

	private static ExchangeFilterFunction authentication(@Nullable String token, String noTokenMessage) {
		return (request, next) -> {
			if (token == null) {
				return Mono.error(new BentoCloudCredentialsException(noTokenMessage));
			}
			return next.exchange(ClientRequest.from(request).header(TOKEN_HEADER, token).build());
		};
	}

}
