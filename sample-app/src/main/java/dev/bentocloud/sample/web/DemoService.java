package dev.bentocloud.sample.web;

import java.util.function.Function;

import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.service.BentoServiceClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The BentoML service named {@value #NAME} in {@code bentocloud.services}, as
 * {@link ServiceController} calls it. Profile {@code emulator} configures it as the
 * embedded emulator's deployment {@code demo-iris}; without a configuration, every call
 * fails with a {@link NotConfiguredException} (503) and the rest of the sample works as
 * before.
 * <p>
 * A service configured by {@code deployment} finds its URL through the BentoCloud
 * management API on first use. That lookup runs here first, on its own, so that a 401 of
 * the management API stays BentoCloud's and only a 401 or 403 of the service itself
 * becomes a {@link TokenRejectedException}: the two need different fixes.
 */
@Component
public class DemoService {

	/** The service's name under {@code bentocloud.services}. */
	public static final String NAME = "demo";

	private final ObjectProvider<BentoServiceClient> client;

	public DemoService(@Qualifier(NAME) ObjectProvider<BentoServiceClient> client) {
		this.client = client;
	}

	/**
	 * One call of the service.
	 * @param <T> the result type
	 * @param call what to ask of the client
	 * @return the result
	 */
	public <T> Mono<T> call(Function<BentoServiceClient, Mono<T>> call) {
		return resolved().flatMap((client) -> call.apply(client)
			.onErrorMap(BentoCloudUnauthenticatedException.class, TokenRejectedException::new));
	}

	/**
	 * One stream of the service.
	 * @param <T> the element type
	 * @param stream what to ask of the client
	 * @return the elements; cancelling cancels the service's stream
	 */
	public <T> Flux<T> stream(Function<BentoServiceClient, Flux<T>> stream) {
		return resolved().flatMapMany((client) -> stream.apply(client)
			.onErrorMap(BentoCloudUnauthenticatedException.class, TokenRejectedException::new));
	}

	private Mono<BentoServiceClient> resolved() {
		return Mono.defer(() -> {
			BentoServiceClient client = this.client.getIfAvailable();
			if (client == null) {
				return Mono.error(new NotConfiguredException());
			}
			return client.url().thenReturn(client);
		});
	}

	/** No service named {@value #NAME} is configured: 503. */
	public static class NotConfiguredException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotConfiguredException() {
			super("No BentoML service named '" + NAME + "' is configured: set bentocloud.services." + NAME
					+ ".url (or .deployment), or run the sample with --spring.profiles.active=emulator");
		}

	}

	/**
	 * The service (not BentoCloud's management API) answered 401 or 403: its token is
	 * missing, wrong or lacks Protected Endpoint Access. 502, since only an operator can
	 * fix it.
	 */
	public static class TokenRejectedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int statusCode;

		private final @Nullable String requestId;

		TokenRejectedException(BentoCloudUnauthenticatedException refusal) {
			super(refusal.getMessage(), refusal);
			this.statusCode = refusal.getStatusCode();
			this.requestId = refusal.getTraceId();
		}

		/**
		 * The service's status.
		 * @return 401 or 403
		 */
		public int getStatusCode() {
			return this.statusCode;
		}

		/**
		 * The service's {@code x-bentoml-request-id}.
		 * @return the request ID, or {@code null}
		 */
		public @Nullable String getRequestId() {
			return this.requestId;
		}

	}

}
