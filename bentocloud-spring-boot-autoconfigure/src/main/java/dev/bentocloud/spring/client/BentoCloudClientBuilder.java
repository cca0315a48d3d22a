package dev.bentocloud.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
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
import reactor.core.publisher.Mono;

/**
 * Builds a {@link BentoCloudClient}. The auto-configuration uses it with Boot's
 * {@code WebClient.Builder}; tests and non-Boot code can use it directly.
 */
public final class BentoCloudClientBuilder {

	static final String TOKEN_HEADER = "X-YATAI-API-TOKEN";

	private static final String UNAUTHORIZED_HINT = "The API token is wrong, revoked or expired. Run `bentoml cloud login`, set BENTO_CLOUD_API_KEY, or set bentocloud.api-token.";

	private URI endpoint = URI.create("https://cloud.bentoml.com");

	private String apiToken;

	private Supplier<WebClient.Builder> webClientBuilder = () -> null;

	private ClientHttpConnectorBuilder<?> connectorBuilder;

	private HttpClientSettings httpClientSettings;

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration responseTimeout = Duration.ofSeconds(60);

	private HttpErrors.RetrySettings retry = new HttpErrors.RetrySettings(3, Duration.ofMillis(200),
			Duration.ofSeconds(5));

	private boolean allowInsecureEndpoint;

	BentoCloudClientBuilder() {
	}

	/** The organization's management endpoint, e.g. {@code https://acme.cloud.bentoml.com}. */
	public BentoCloudClientBuilder endpoint(URI endpoint) {
		Assert.notNull(endpoint, "endpoint must not be null");
		this.endpoint = endpoint;
		return this;
	}

	public BentoCloudClientBuilder endpoint(String endpoint) {
		return endpoint(URI.create(endpoint));
	}

	/** The API token; without one every call fails with {@link BentoCloudCredentialsException}. */
	public BentoCloudClientBuilder apiToken(String apiToken) {
		this.apiToken = apiToken;
		return this;
	}

	/** A builder to clone, typically Boot's, so that its customizers and observations apply. */
	public BentoCloudClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = () -> webClientBuilder;
		return this;
	}

	/**
	 * A builder to clone, asked for on the client's first call rather than at {@link #build()}:
	 * Boot's builder brings its connector and observation set-up, which startup need not pay.
	 */
	public BentoCloudClientBuilder webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder supplier must not be null");
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/** The connector builder (default Reactor Netty). */
	public BentoCloudClientBuilder connectorBuilder(ClientHttpConnectorBuilder<?> connectorBuilder) {
		this.connectorBuilder = connectorBuilder;
		return this;
	}

	/** Base HTTP client settings, e.g. Boot's, for an SSL bundle; timeouts and redirects are ours. */
	public BentoCloudClientBuilder httpClientSettings(HttpClientSettings httpClientSettings) {
		this.httpClientSettings = httpClientSettings;
		return this;
	}

	public BentoCloudClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
		return this;
	}

	public BentoCloudClientBuilder responseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
		return this;
	}

	/**
	 * Retries of GET requests on connect errors, 429, 502, 503 and 504.
	 * @param maxAttempts retries after the first attempt; 0 disables retries
	 * @param initialBackoff the first delay, doubled each time with jitter
	 * @param maxBackoff the longest delay, {@code Retry-After} included
	 */
	public BentoCloudClientBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		Assert.isTrue(maxAttempts >= 0, "maxAttempts must not be negative");
		this.retry = new HttpErrors.RetrySettings(maxAttempts, initialBackoff, maxBackoff);
		return this;
	}

	/** Allows sending the token over plain http to a non-loopback host (with a warning). */
	public BentoCloudClientBuilder allowInsecureEndpoint(boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
		return this;
	}

	/**
	 * @throws IllegalStateException if the token would go over plain http to a non-loopback
	 * host and that is not allowed
	 */
	public BentoCloudClient build() {
		String token = (this.apiToken != null && !this.apiToken.isBlank()) ? this.apiToken.strip() : null;
		HttpClientSupport.checkTransport(this.endpoint, token != null, this.allowInsecureEndpoint,
				"bentocloud.allow-insecure-endpoint");
		JsonMapper mapper = BentoCloudJson.mapper();
		HttpErrors errors = new HttpErrors("BentoCloud", UNAUTHORIZED_HINT, token);
		// Settings are captured now, so that later changes to this builder do not leak in.
		Supplier<WebClient.Builder> base = this.webClientBuilder;
		ClientHttpConnectorBuilder<?> connectorBuilder = this.connectorBuilder;
		HttpClientSettings httpClientSettings = this.httpClientSettings;
		Duration connectTimeout = this.connectTimeout;
		Duration responseTimeout = this.responseTimeout;
		URI endpoint = this.endpoint;
		HttpErrors.RetrySettings retry = this.retry;
		Supplier<ManagementApi> api = SingletonSupplier.of(() -> {
			WebClient webClient = HttpClientSupport
				.builder(base.get(), connectorBuilder, httpClientSettings, connectTimeout, responseTimeout)
				.baseUrl(endpoint.toString())
				.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
				.codecs((codecs) -> {
					codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper));
					codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(mapper));
					codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
				})
				.filter(errors.filter(retry))
				.filter(authentication(token))
				.build();
			return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient))
				.build()
				.createClient(ManagementApi.class);
		});
		return new DefaultBentoCloudClient(api, errors, mapper);
	}

	private static ExchangeFilterFunction authentication(String token) {
		return (request, next) -> {
			if (token == null) {
				return Mono.error(new BentoCloudCredentialsException(BentoCloudCredentialsException.NO_TOKEN));
			}
			return next.exchange(ClientRequest.from(request).header(TOKEN_HEADER, token).build());
		};
	}

}
