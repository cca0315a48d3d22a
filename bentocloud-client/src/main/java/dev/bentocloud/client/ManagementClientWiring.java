package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bentocloud.client.support.HttpClientSupport;
import dev.bentocloud.client.support.TokenConnector;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The settings a {@link BentoCloudClientBuilder} captured at {@code build()}, and how
 * they wire a client: the connector, {@code WebClient} and HTTP interface are built on
 * the first call (or by the warm-up), so that startup does not pay for them.
 *
 * @param endpoint the management endpoint
 * @param token the API token, or {@code null} to fail every call
 * @param noTokenMessage what a call without a token fails with
 * @param webClientBuilder supplies the builder to clone, or {@code null} for a plain one
 * @param connectorFactory creates the HTTP connector
 * @param connectTimeout the TCP connect timeout
 * @param responseTimeout the response timeout
 * @param retry the retries of GET requests
 * @param callTimeout the longest one call may take, retries included
 * @param maxPages the most pages a list may take
 * @param bentomlVersion the {@code X-Bentoml-Version} header
 */
record ManagementClientWiring(URI endpoint, @Nullable String token, String noTokenMessage,
		Supplier<WebClient.@Nullable Builder> webClientBuilder, BentoCloudConnectorFactory connectorFactory,
		Duration connectTimeout, Duration responseTimeout, RetryPolicy retry, Duration callTimeout, int maxPages,
		String bentomlVersion) {

	private static final String UNAUTHORIZED_HINT = "The API token is wrong, revoked or expired. Run `bentoml cloud login`, set BENTO_CLOUD_API_KEY, or pass a valid token to BentoCloudClientBuilder.apiToken(...).";

	/**
	 * Creates the client. No connection is made until the first call.
	 * @return the client
	 */
	BentoCloudClient createClient() {
		// Built on first use (or by the warm-up): startup does not pay for it.
		SingletonSupplier<JsonMapper> mapper = SingletonSupplier.of(BentoCloudJson::mapper);
		HttpErrors errors = new HttpErrors("BentoCloud", UNAUTHORIZED_HINT, this.token);
		Function<WebClient.Builder, Calls> calls = (builder) -> calls(builder, mapper, errors);
		SingletonSupplier<Prepared> prepared = SingletonSupplier.of(() -> {
			ClientHttpConnector connector = this.connectorFactory.create(this.connectTimeout, this.responseTimeout);
			ClientHttpConnector tokenConnector = TokenConnector.of(connector, BentoCloudClientBuilder.TOKEN_HEADER,
					this.token);
			return new Prepared(calls.apply(HttpClientSupport.builder(this.webClientBuilder, tokenConnector)),
					connector);
		});
		Runnable warmUp = () -> {
			ClientHttpConnector connector = prepared.obtain().connector();
			ClientWarmUp.connector(connector);
			ClientWarmUp.json(mapper.obtain());
			// Our layers on a plain WebClient (no customizer, filter or observation of
			// the application sees it) answered in memory: nothing leaves the process.
			Calls inMemory = calls.apply(WebClient.builder().exchangeFunction(ClientWarmUp.inMemory()));
			ClientWarmUp.exchange(inMemory.api(), inMemory.prepared());
		};
		return new DefaultBentoCloudClient(this.endpoint, () -> prepared.obtain().calls().api(),
				() -> prepared.obtain().calls().prepared(), warmUp, errors, mapper, this.callTimeout, this.maxPages);
	}

	private Calls calls(WebClient.Builder webClientBuilder, SingletonSupplier<JsonMapper> mapper, HttpErrors errors) {
		webClientBuilder.baseUrl(this.endpoint.toString())
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.defaultHeader(BentoCloudClientBuilder.BENTOML_VERSION_HEADER, this.bentomlVersion)
			.codecs((codecs) -> {
				codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper.obtain()));
				codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(mapper.obtain()));
				codecs.defaultCodecs().maxInMemorySize(HttpErrors.MAX_BODY_BYTES);
			})
			.filter(errors.filter(this.retry));
		if (this.token == null) {
			String noTokenMessage = this.noTokenMessage;
			webClientBuilder.filter((request, next) -> Mono.error(new BentoCloudCredentialsException(noTokenMessage)));
		}
		WebClient webClient = webClientBuilder.build();
		ManagementApi api = HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient))
			.httpRequestValuesProcessor(PathTemplates::withoutQuery)
			.build()
			.createClient(ManagementApi.class);
		return new Calls(api, new PreparedCalls(webClient, this.endpoint));
	}

	/**
	 * The HTTP interface, and the calls that skip it.
	 */
	private record Calls(ManagementApi api, PreparedCalls prepared) {
	}

	/**
	 * What the first call (or {@link BentoCloudClient#warmUp()}) builds.
	 */
	private record Prepared(Calls calls, ClientHttpConnector connector) {
	}

}
