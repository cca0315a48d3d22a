package dev.bentocloud.client.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.DeploymentNotReadyException;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.HttpClientSupport;
import dev.bentocloud.client.support.TokenConnector;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates {@link BentoServiceClient}s for deployed services. The default token is one
 * with Protected Endpoint Access; it is never the management API key unless that is given
 * here explicitly (BentoML's client sends {@code BENTO_CLOUD_API_KEY} to every service
 * URL; this one does not).
 *
 * <pre>{@code
 * BentoServiceClientFactory services = BentoServiceClientFactory.builder()
 *     .defaultToken(System.getenv("SUMMARIZER_TOKEN"))
 *     .build();
 * BlockingBentoServiceClient summarizer = services
 *     .create(URI.create("https://summarizer-acme.mt-guc1.bentoml.ai"))
 *     .blocking();
 * String summary = summarizer.call("summarize", Map.of("text", longText), String.class);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BentoServiceClientFactory {

	/** The default call timeout in seconds, as BentoML's client. */
	public static final int DEFAULT_CALL_TIMEOUT_SECONDS = 30;

	/** The default call timeout, as BentoML's client. */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);

	/** The default largest answer held in memory, in MiB. */
	public static final int DEFAULT_MAX_RESPONSE_SIZE_MEGABYTES = 16;

	/** The default largest answer held in memory: 16 MiB. */
	public static final long DEFAULT_MAX_RESPONSE_SIZE = DEFAULT_MAX_RESPONSE_SIZE_MEGABYTES * 1024L * 1024;

	/** The domains of BentoCloud deployments trusted by default, comma-separated. */
	public static final String DEFAULT_DEPLOYMENT_HOSTS = "bentoml.ai,bentoml.com";

	/**
	 * The connector's own read timeout: far above any per-call timeout, which the client
	 * enforces itself so that {@link BentoServiceClient#withCallTimeout(Duration)} can
	 * raise it.
	 */
	private static final Duration CONNECTOR_READ_TIMEOUT = Duration.ofHours(1);

	private final ServiceClientSettings settings;

	private final JsonMapper json;

	private final DeploymentUrls deploymentUrls;

	BentoServiceClientFactory(ServiceClientSettings settings) {
		this.settings = settings;
		JsonMapper jsonMapper = settings.jsonMapper();
		this.json = (jsonMapper != null) ? jsonMapper : JsonMapper.builder().build();
		this.deploymentUrls = new DeploymentUrls(settings.deploymentHosts());
	}

	/**
	 * A builder with the defaults: a detected connector, 10 s to connect, 30 s per call
	 * and between stream chunks, answers up to 16 MiB in memory, calls checked against
	 * the schema, no token.
	 * @return the builder
	 */
	public static Builder builder() {
		return new DefaultBentoServiceClientFactoryBuilder();
	}

	/**
	 * A client for {@code url} with the default token (if any).
	 * @param url the service's URL
	 * @return the client
	 */
	public BentoServiceClient create(URI url) {
		return create(url, this.settings.defaultToken());
	}

	/**
	 * A client for {@code url} sending {@code token} as Bearer.
	 * @param url the service's URL ({@code http} or {@code https}, no user info)
	 * @param token the token, or {@code null} to send none
	 * @return the client
	 */
	public BentoServiceClient create(URI url, @Nullable String token) {
		String bearer = (token != null && !token.isBlank()) ? token.strip() : null;
		checkUrl(url);
		HttpClientSupport.checkTransport(url, bearer != null, this.settings.allowInsecureEndpoint(),
				"BentoServiceClientFactory.Builder.allowInsecureEndpoint(true)");
		ServiceClientSettings settings = this.settings;
		ClientHttpConnector connector = TokenConnector.of(
				settings.connectorFactory().create(settings.connectTimeout(), CONNECTOR_READ_TIMEOUT),
				HttpHeaders.AUTHORIZATION, (bearer != null) ? "Bearer " + bearer : null);
		int limit = (int) Math.min(Integer.MAX_VALUE, settings.maxResponseSize());
		WebClient webClient = HttpClientSupport.builder(settings.webClientBuilder(), connector)
			.baseUrl(url.toString())
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(limit))
			.build();
		String target = "the service at " + BentoCloudEndpoints.displayable(url.toString());
		ServiceErrors errors = new ServiceErrors(target, bearer, this.json, settings.maxResponseSize());
		JacksonJsonDecoder decoder = new JacksonJsonDecoder(this.json);
		decoder.setMaxInMemorySize(limit);
		DefaultBentoServiceClient.Parts parts = new DefaultBentoServiceClient.Parts(errors,
				new ServiceInputs(this.json), new ServiceResults(settings.tempDirectory()),
				new ServiceSchemas(this.json, settings.checkCalls()), decoder, settings.streamIdleTimeout());
		return new DefaultBentoServiceClient(url, webClient, parts, settings.callTimeout());
	}

	/**
	 * A client for a deployment's URL, with the default token. As BentoML's
	 * {@code Deployment.get_client()}, the deployment must be running (or scaled to zero)
	 * and have exactly one URL.
	 * @param deployment the deployment, e.g. from {@code deployments().get(name)}
	 * @return the client
	 * @throws DeploymentNotReadyException when it is not running or has no single URL
	 */
	public BentoServiceClient create(Deployment deployment) {
		return create(deployment, this.settings.defaultToken());
	}

	/**
	 * A client for a deployment's URL, sending {@code token} as Bearer.
	 * @param deployment the deployment
	 * @param token the token, or {@code null} to send none
	 * @return the client
	 * @throws DeploymentNotReadyException when it is not running or has no single URL
	 */
	public BentoServiceClient create(Deployment deployment, @Nullable String token) {
		return create(urlOf(deployment), token);
	}

	/**
	 * A client whose URL is found on first use and then kept, e.g.
	 * {@code deployments().get("summarizer").map(factory::urlOf)}; a failed lookup is
	 * tried again on the next call.
	 * @param url supplies the URL when first needed
	 * @param token the token, or {@code null} to send none
	 * @return the client
	 */
	public BentoServiceClient create(Mono<URI> url, @Nullable String token) {
		return new LazyBentoServiceClient(url, (found) -> create(found, token));
	}

	/**
	 * The service URL of a deployment that is running (or scaled to zero) and has exactly
	 * one URL, as BentoML's {@code Deployment.get_client()} requires, on a host the token
	 * may go to: loopback, or under one of the {@link Builder#deploymentHosts trusted
	 * domains} ({@code bentoml.ai} and {@code bentoml.com} by default). A URL a
	 * deployment names is the server's word; a URL you configure is yours and is not
	 * checked.
	 * @param deployment the deployment
	 * @return its URL
	 * @throws DeploymentNotReadyException when it is not running or has no single URL
	 * @throws IllegalStateException when its host is not trusted
	 */
	public URI urlOf(Deployment deployment) {
		return this.deploymentUrls.urlOf(deployment);
	}

	private static void checkUrl(URI url) {
		Assert.notNull(url, "url must not be null");
		if (!BentoCloudEndpoints.isHttpUrl(url)) {
			throw new IllegalArgumentException("A service URL must be an absolute http or https URL, was "
					+ BentoCloudEndpoints.displayable(url.toString()));
		}
		if (url.getRawUserInfo() != null) {
			throw new IllegalArgumentException("A service URL must not contain user info (credentials), was "
					+ BentoCloudEndpoints.displayable(url.toString()) + "; pass the token separately");
		}
	}

	/**
	 * Builds a {@link BentoServiceClientFactory}.
	 */
	public interface Builder {

		/**
		 * A builder to clone (Boot's, so that customizers and observations apply).
		 * @param webClientBuilder supplies the builder, or {@code null} for a plain one
		 * @return this builder
		 */
		Builder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder);

		/**
		 * How to create connectors; they must not follow redirects.
		 * @param connectorFactory the factory
		 * @return this builder
		 */
		Builder connectorFactory(BentoCloudConnectorFactory connectorFactory);

		/**
		 * How long to wait for a TCP (and TLS) connection.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		Builder connectTimeout(Duration connectTimeout);

		/**
		 * The longest one call (answer and body) or task request may take; default 30 s.
		 * @param callTimeout the timeout
		 * @return this builder
		 */
		Builder callTimeout(Duration callTimeout);

		/**
		 * The longest a stream may go without a chunk (the first included); default 30 s.
		 * A stream has no total timeout.
		 * @param streamIdleTimeout the timeout
		 * @return this builder
		 */
		Builder streamIdleTimeout(Duration streamIdleTimeout);

		/**
		 * The largest answer held in memory (text, JSON, bytes, an error body, the
		 * schema, one JSON value of a stream); default 16 MiB. Files read as
		 * {@code Path}, {@code Resource} or {@link ServiceFile}, and text streams, have
		 * no total limit.
		 * @param maxResponseSize the limit in bytes
		 * @return this builder
		 */
		Builder maxResponseSize(long maxResponseSize);

		/**
		 * Whether to check routes and arguments against the service's
		 * {@code /schema.json} before sending (default {@code true}, as BentoML's
		 * client).
		 * @param checkCalls whether to check
		 * @return this builder
		 */
		Builder checkCalls(boolean checkCalls);

		/**
		 * The Bearer token for {@link BentoServiceClientFactory#create(URI)}: one with
		 * Protected Endpoint Access.
		 * @param defaultToken the token, or {@code null} for none
		 * @return this builder
		 */
		Builder defaultToken(@Nullable String defaultToken);

		/**
		 * Whether a token may go over plain http to a host that is not loopback.
		 * @param allowInsecureEndpoint whether to allow it
		 * @return this builder
		 */
		Builder allowInsecureEndpoint(boolean allowInsecureEndpoint);

		/**
		 * Where file outputs are written (each in a new directory of its own); default
		 * the JVM's temporary directory.
		 * @param tempDirectory the directory
		 * @return this builder
		 */
		Builder tempDirectory(@Nullable Path tempDirectory);

		/**
		 * The JSON mapper for multipart fields and streamed JSON values; default a plain
		 * one. (Request and answer bodies use the {@code WebClient}'s codecs.)
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		Builder jsonMapper(@Nullable JsonMapper jsonMapper);

		/**
		 * The domains whose hosts a deployment's URL may name for the token to go there
		 * (loopback is always allowed); default {@code bentoml.ai} and
		 * {@code bentoml.com}; {@code *} trusts any host.
		 * @param domains the domains, e.g. {@code bentoml.ai} for
		 * {@code summarizer-acme.mt-guc1.bentoml.ai}
		 * @return this builder
		 */
		Builder deploymentHosts(Collection<String> domains);

		/**
		 * The factory.
		 * @return the factory
		 */
		BentoServiceClientFactory build();

	}

}
