package dev.bentocloud.client;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls one deployed BentoML service (a deployment URL) with JSON in and out. When a
 * token is set, every request carries {@code Authorization: Bearer <token>}. Redirects
 * are never followed, so the token never reaches another host. Create instances with
 * {@link BentoServiceClientFactory}.
 *
 * @since 0.1.0
 */
public final class BentoServiceClient {

	private final URI url;

	private final WebClient webClient;

	private final HttpErrors errors;

	BentoServiceClient(URI url, WebClient webClient, HttpErrors errors) {
		this.url = url;
		this.webClient = webClient;
		this.errors = errors;
	}

	/** The service's base URL. */
	public URI url() {
		return this.url;
	}

	/**
	 * {@code POST <route>} with {@code input} as JSON; the JSON answer as {@code type}.
	 * @param route the API route, e.g. {@code classify} or {@code /classify}
	 */
	public <T> Mono<T> call(String route, Object input, Class<T> type) {
		return call(route, input, ParameterizedTypeReference.forType(type));
	}

	public <T> Mono<T> call(String route, Object input, ParameterizedTypeReference<T> type) {
		String path = "/" + stripLeadingSlash(route);
		return this.webClient.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(input)
			.retrieve()
			.bodyToMono(type)
			.onErrorMap((ex) -> !(ex instanceof BentoCloudException),
					(ex) -> this.errors.translate("POST " + path, ex));
	}

	/**
	 * Whether {@code GET /readyz} answers 200. Any other status or a transport error
	 * means not ready, except 401, which fails with
	 * {@link BentoCloudUnauthenticatedException} because waiting will not fix a missing
	 * or wrong token.
	 */
	public Mono<Boolean> isReady() {
		return this.webClient.get()
			.uri("/readyz")
			.retrieve()
			.toBodilessEntity()
			.map((response) -> true)
			.onErrorMap((ex) -> !(ex instanceof BentoCloudException), (ex) -> this.errors.translate("GET /readyz", ex))
			.onErrorResume((ex) -> !(ex instanceof BentoCloudUnauthenticatedException), (ex) -> Mono.just(false));
	}

	private static String stripLeadingSlash(String route) {
		if (route == null || route.isBlank()) {
			throw new IllegalArgumentException("route is required, e.g. \"classify\"");
		}
		String result = route.strip();
		while (result.startsWith("/")) {
			result = result.substring(1);
		}
		return result;
	}

	@Override
	public String toString() {
		return "BentoServiceClient[" + this.url + "]";
	}

}
