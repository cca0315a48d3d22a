package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import dev.bentocloud.client.model.Deployment;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates {@link BentoServiceClient}s for deployment URLs. The default token is
 * {@code bentocloud.service.token}; it is never the management API token, which should
 * not be handed to deployed code.
 *
 * @since 0.1.0
 */
public final class BentoServiceClientFactory {

	private static final String UNAUTHORIZED_HINT = "Protected deployments (access_authorization: true) need "
			+ "`Authorization: Bearer` with a token that has Protected Endpoint Access: set bentocloud.service.token "
			+ "or pass the token to BentoServiceClientFactory.create(url, token).";

	private final Supplier<WebClient.@Nullable Builder> webClientBuilder;

	private final BentoCloudConnectorFactory connectorFactory;

	private final Duration connectTimeout;

	private final Duration timeout;

	private final @Nullable String defaultToken;

	private final boolean allowInsecureEndpoint;

	private BentoServiceClientFactory(Builder builder) {
		this.webClientBuilder = builder.webClientBuilder;
		this.connectorFactory = builder.connectorFactory;
		this.connectTimeout = builder.connectTimeout;
		this.timeout = builder.timeout;
		this.defaultToken = builder.defaultToken;
		this.allowInsecureEndpoint = builder.allowInsecureEndpoint;
	}

	/**
	 * A builder with the defaults: a detected connector, 10 s to connect, 30 s for a
	 * response, no token.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A client for {@code url} with the configured service token (if any).
	 * @param url the deployment's URL
	 * @return the client
	 */
	public BentoServiceClient create(URI url) {
		return create(url, this.defaultToken);
	}

	/**
	 * A client for {@code url} sending {@code token} as Bearer.
	 * @param url the deployment's URL
	 * @param token the token, or {@code null} to send none
	 * @return the client
	 */
	public BentoServiceClient create(URI url, @Nullable String token) {
		String bearer = (token != null && !token.isBlank()) ? token.strip() : null;
		HttpClientSupport.checkTransport(url, bearer != null, this.allowInsecureEndpoint,
				"bentocloud.allow-insecure-endpoint");
		HttpErrors errors = new HttpErrors("The service at " + url, UNAUTHORIZED_HINT, bearer);
		WebClient.Builder builder = HttpClientSupport
			.builder(this.webClientBuilder, this.connectorFactory, this.connectTimeout, this.timeout)
			.baseUrl(url.toString())
			.filter(errors.filter(HttpErrors.RetrySettings.NONE));
		if (bearer != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
		}
		return new BentoServiceClient(url, builder.build(), errors);
	}

	/**
	 * A client for the deployment's single URL, with the configured service token.
	 * @param deployment the deployment
	 * @return the client
	 * @throws IllegalArgumentException when the deployment has no single URL yet
	 */
	public BentoServiceClient create(Deployment deployment) {
		if (deployment.urls().size() != 1) {
			throw new IllegalArgumentException("Deployment " + deployment.name() + " has " + deployment.urls().size()
					+ " URLs; its endpoint URL is not ready");
		}
		return create(URI.create(deployment.urls().get(0)));
	}

	/**
	 * Builds a {@link BentoServiceClientFactory}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private Supplier<WebClient.@Nullable Builder> webClientBuilder = () -> null;

		private BentoCloudConnectorFactory connectorFactory = BentoCloudConnectorFactory.detect();

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration timeout = Duration.ofSeconds(30);

		private @Nullable String defaultToken;

		private boolean allowInsecureEndpoint;

		private Builder() {
		}

		/**
		 * A builder to clone (Boot's, so that customizers and observations apply).
		 * @param webClientBuilder supplies the builder, or {@code null} for a plain one
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder) {
			Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * How to create connectors; they must not follow redirects.
		 * @param connectorFactory the factory
		 * @return this builder
		 */
		public Builder connectorFactory(BentoCloudConnectorFactory connectorFactory) {
			Assert.notNull(connectorFactory, "connectorFactory must not be null");
			this.connectorFactory = connectorFactory;
			return this;
		}

		/**
		 * How long to wait for a TCP connection.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			Assert.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * How long to wait for a deployed service to answer.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * The Bearer token for {@link BentoServiceClientFactory#create(URI)}: one with
		 * Protected Endpoint Access, never the management API token.
		 * @param defaultToken the token, or {@code null} for none
		 * @return this builder
		 */
		public Builder defaultToken(@Nullable String defaultToken) {
			this.defaultToken = defaultToken;
			return this;
		}

		/**
		 * Whether a token may go over plain http to a non-loopback host.
		 * @param allowInsecureEndpoint whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureEndpoint(boolean allowInsecureEndpoint) {
			this.allowInsecureEndpoint = allowInsecureEndpoint;
			return this;
		}

		/**
		 * The factory.
		 * @return the factory
		 */
		public BentoServiceClientFactory build() {
			return new BentoServiceClientFactory(this);
		}

	}

}
