package dev.bentocloud.spring.client;

import java.net.URI;
import java.time.Duration;

import dev.bentocloud.spring.client.model.Deployment;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates {@link BentoServiceClient}s for deployment URLs. The default token is
 * {@code bentocloud.service.token}; it is never the management API token, which should not be
 * handed to deployed code.
 */
public final class BentoServiceClientFactory {

	private static final String UNAUTHORIZED_HINT = "Protected deployments (access_authorization: true) need "
			+ "`Authorization: Bearer` with a token that has Protected Endpoint Access: set bentocloud.service.token "
			+ "or pass the token to BentoServiceClientFactory.create(url, token).";

	private final WebClient.Builder webClientBuilder;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings httpClientSettings;

	private final Duration connectTimeout;

	private final Duration timeout;

	private final String defaultToken;

	private final boolean allowInsecureEndpoint;

	/**
	 * @param webClientBuilder builder to clone (Boot's), or {@code null}
	 * @param connectorBuilder connector builder, or {@code null} for Reactor Netty
	 * @param httpClientSettings base settings (e.g. SSL bundle), or {@code null}
	 * @param connectTimeout TCP connect timeout
	 * @param timeout how long to wait for a service's response
	 * @param defaultToken the Bearer token for {@link #create(URI)}, or {@code null} for none
	 * @param allowInsecureEndpoint whether a token may go over plain http to a non-loopback host
	 */
	public BentoServiceClientFactory(WebClient.Builder webClientBuilder, ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings httpClientSettings, Duration connectTimeout, Duration timeout, String defaultToken,
			boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
		this.webClientBuilder = webClientBuilder;
		this.connectorBuilder = connectorBuilder;
		this.httpClientSettings = httpClientSettings;
		this.connectTimeout = connectTimeout;
		this.timeout = timeout;
		this.defaultToken = defaultToken;
	}

	/** A client for {@code url} with the configured service token (if any). */
	public BentoServiceClient create(URI url) {
		return create(url, this.defaultToken);
	}

	/** A client for {@code url} sending {@code token} as Bearer; {@code null} sends no token. */
	public BentoServiceClient create(URI url, String token) {
		String bearer = (token != null && !token.isBlank()) ? token.strip() : null;
		HttpClientSupport.checkTransport(url, bearer != null, this.allowInsecureEndpoint,
				"bentocloud.allow-insecure-endpoint");
		HttpErrors errors = new HttpErrors("The service at " + url, UNAUTHORIZED_HINT, bearer);
		WebClient.Builder builder = HttpClientSupport
			.builder(this.webClientBuilder, this.connectorBuilder, this.httpClientSettings, this.connectTimeout,
					this.timeout)
			.baseUrl(url.toString())
			.filter(errors.filter(HttpErrors.RetrySettings.NONE));
		if (bearer != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
		}
		return new BentoServiceClient(url, builder.build(), errors);
	}

	/** A client for the deployment's single URL, with the configured service token. */
	public BentoServiceClient create(Deployment deployment) {
		if (deployment.urls().size() != 1) {
			throw new IllegalArgumentException("Deployment " + deployment.name() + " has " + deployment.urls().size()
					+ " URLs; its endpoint URL is not ready");
		}
		return create(URI.create(deployment.urls().get(0)));
	}

}
