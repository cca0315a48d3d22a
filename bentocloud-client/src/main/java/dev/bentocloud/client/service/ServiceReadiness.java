package dev.bentocloud.client.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.support.LateErrors;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks a service's {@code GET /readyz} whether it is ready, once or until it is: any
 * answer but 200 is "not yet", except a rejected token, which no wait fixes.
 */
final class ServiceReadiness {

	private final WebClient webClient;

	private final ServiceErrors errors;

	ServiceReadiness(WebClient webClient, ServiceErrors errors) {
		this.webClient = webClient;
		this.errors = errors;
	}

	/**
	 * Whether the service answers 200 now.
	 * @param timeout the longest to wait for the answer
	 * @return {@code true} when ready
	 */
	Mono<Boolean> isReady(Duration timeout) {
		return probe(timeout).map(Probe::ready);
	}

	/**
	 * Completes once the service answers 200, asking again with a growing pause.
	 * @param timeout the longest to wait in all
	 * @param callTimeout the longest to wait for one answer
	 * @return completes when ready, or fails with {@link ServiceNotReadyException}
	 */
	Mono<Void> waitUntilReady(Duration timeout, Duration callTimeout) {
		AtomicReference<String> last = new AtomicReference<>("no answer yet");
		Duration probeTimeout = (timeout.compareTo(callTimeout) < 0) ? timeout : callTimeout;
		return Mono.defer(() -> probe(probeTimeout)).flatMap((probe) -> {
			last.set(probe.reason());
			return probe.ready() ? Mono.just(probe) : Mono.<Probe>empty();
		})
			.repeatWhenEmpty(Integer.MAX_VALUE,
					(attempts) -> attempts.concatMap((attempt) -> Mono.delay(pause(attempt))))
			.timeout(timeout, Mono
				.defer(() -> Mono.error(new ServiceNotReadyException(this.errors.target() + " is not ready after "
						+ ServiceErrors.seconds(timeout) + " (last answer of GET /readyz: " + last.get() + ")", null))))
			.then();
	}

	private static Duration pause(long attempt) {
		long millis = 100L << Math.min(attempt, 5);
		return Duration.ofMillis(Math.min(millis, 2000));
	}

	private Mono<Probe> probe(Duration timeout) {
		return this.webClient.get()
			.uri((uri) -> uri.path("/readyz").build())
			.attribute(DefaultBentoServiceClient.URI_TEMPLATE_ATTRIBUTE, "/readyz")
			.exchangeToMono((response) -> {
				int status = response.statusCode().value();
				if (status == 401 || status == 403) {
					return this.errors.toException("GET /readyz", response).flatMap(Mono::error);
				}
				return response.releaseBody().thenReturn(new Probe(status == 200, "status " + status));
			})
			.timeout(timeout)
			.onErrorResume((ex) -> !(ex instanceof BentoCloudUnauthenticatedException),
					(ex) -> Mono.just(new Probe(false,
							String.valueOf(this.errors.translate("GET /readyz", ex, timeout).getMessage()))))
			.contextWrite(LateErrors.ignored());
	}

	private record Probe(boolean ready, String reason) {
	}

}
