package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.support.Durations;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A client whose URL is found on first use (e.g. a deployment's URL, asked of the
 * management API), then kept. A failed lookup is tried again on the next call.
 */
final class LazyBentoServiceClient implements BentoServiceClient, TaskRequests {

	private final Mono<URI> url;

	private final Function<URI, BentoServiceClient> clients;

	private final @Nullable Duration timeout;

	private final AtomicReference<@Nullable BentoServiceClient> resolved;

	LazyBentoServiceClient(Mono<URI> url, Function<URI, BentoServiceClient> clients) {
		this(url, clients, null, new AtomicReference<>());
	}

	private LazyBentoServiceClient(Mono<URI> url, Function<URI, BentoServiceClient> clients, @Nullable Duration timeout,
			AtomicReference<@Nullable BentoServiceClient> resolved) {
		this.url = url;
		this.clients = clients;
		this.timeout = timeout;
		this.resolved = resolved;
	}

	private Mono<BentoServiceClient> client() {
		return Mono.defer(() -> {
			BentoServiceClient client = this.resolved.get();
			if (client != null) {
				return Mono.just(client);
			}
			return this.url.switchIfEmpty(Mono.error(() -> new BentoCloudException(
					"The service's URL could not be found (the lookup answered nothing)")))
				.map((found) -> {
					BentoServiceClient created = this.clients.apply(found);
					this.resolved.compareAndSet(null, created);
					return created;
				});
		}).map((client) -> (this.timeout != null) ? client.withCallTimeout(this.timeout) : client);
	}

	@Override
	public Mono<URI> url() {
		return client().flatMap(BentoServiceClient::url);
	}

	@Override
	public Mono<Boolean> isReady() {
		return client().flatMap(BentoServiceClient::isReady);
	}

	@Override
	public Mono<Void> waitUntilReady(Duration timeout) {
		return client().flatMap((client) -> client.waitUntilReady(timeout));
	}

	@Override
	public Mono<ServiceSchema> schema() {
		return client().flatMap(BentoServiceClient::schema);
	}

	@Override
	public <T> Mono<T> call(String route, @Nullable Object input, Class<T> type) {
		return client().flatMap((client) -> client.call(route, input, type));
	}

	@Override
	public <T> Mono<T> call(String route, @Nullable Object input, ParameterizedTypeReference<T> type) {
		return client().flatMap((client) -> client.call(route, input, type));
	}

	@Override
	public Flux<String> stream(String route, @Nullable Object input) {
		return client().flatMapMany((client) -> client.stream(route, input));
	}

	@Override
	public <T> Flux<T> streamJson(String route, @Nullable Object input, Class<T> type) {
		return client().flatMapMany((client) -> client.streamJson(route, input, type));
	}

	@Override
	public Mono<BentoTask> submit(String route, @Nullable Object input) {
		return client().flatMap((client) -> client.submit(route, input))
			.map((task) -> new DefaultBentoTask(this, route, task.id()));
	}

	@Override
	public BentoTask task(String route, String taskId) {
		return new DefaultBentoTask(this, route, taskId);
	}

	@Override
	public Mono<TaskStatus> taskStatus(String route, String taskId) {
		return client().flatMap((client) -> client.task(route, taskId).status());
	}

	@Override
	public <T> Mono<T> taskResult(String route, String taskId, ParameterizedTypeReference<T> type) {
		return client().flatMap((client) -> client.task(route, taskId).result(type));
	}

	@Override
	public Mono<Void> cancelTask(String route, String taskId) {
		return client().flatMap((client) -> client.task(route, taskId).cancel());
	}

	@Override
	public Mono<BentoTask> retryTask(String route, String taskId) {
		return client().flatMap((client) -> client.task(route, taskId).retry())
			.map((task) -> new DefaultBentoTask(this, route, task.id()));
	}

	@Override
	public BentoServiceClient withCallTimeout(Duration timeout) {
		return new LazyBentoServiceClient(this.url, this.clients, Durations.requirePositive(timeout, "callTimeout"),
				this.resolved);
	}

	@Override
	public BlockingBentoServiceClient blocking() {
		return new DefaultBlockingBentoServiceClient(this);
	}

	@Override
	public String toString() {
		BentoServiceClient client = this.resolved.get();
		return (client != null) ? client.toString() : "BentoServiceClient[URL not resolved yet]";
	}

}
