package dev.bentocloud.spring.health;

import java.util.concurrent.atomic.AtomicReference;

import dev.bentocloud.client.support.TransportFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Remembers what {@code GET /readyz} last answered through the {@code WebClient} it
 * filters, so that a health check can say why a service is not ready:
 * {@code BentoServiceClient.isReady()} only says whether it is. Other requests pass
 * untouched.
 *
 * @since 0.1.0
 */
public final class ReadinessAnswers implements ExchangeFilterFunction {

	private final AtomicReference<@Nullable Answer> last = new AtomicReference<>();

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!HttpMethod.GET.equals(request.method()) || !request.url().getPath().endsWith("/readyz")) {
			return next.exchange(request);
		}
		return next.exchange(request)
			.doOnNext((response) -> this.last.set(new Answer(response.statusCode().value(), null)))
			// The description names the cause (refused,
			// timed out), not the server's words.
			.doOnError((ex) -> this.last.set(new Answer(null, TransportFailures.describe(ex, (text) -> text))));
	}

	/**
	 * The last answer of {@code GET /readyz}.
	 * @return the answer, or {@code null} before the first probe
	 */
	public @Nullable Answer last() {
		return this.last.get();
	}

	/**
	 * What one {@code GET /readyz} got.
	 *
	 * @param status the HTTP status, or {@code null} when no response came
	 * @param failure why no response came, or {@code null}
	 */
	public record Answer(@Nullable Integer status, @Nullable String failure) {

		@Override
		public String toString() {
			return (this.status != null) ? "status " + this.status : "no response: " + this.failure;
		}

	}

}
