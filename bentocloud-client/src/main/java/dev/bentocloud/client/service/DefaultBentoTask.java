package dev.bentocloud.client.service;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A task known by its route and ID; every operation is one request, except waiting, which
 * polls with growing pauses.
 */
final class DefaultBentoTask implements BentoTask {

	static final Duration FIRST_POLL = Duration.ofMillis(100);

	static final Duration LONGEST_POLL = Duration.ofSeconds(2);

	private final TaskRequests requests;

	private final String route;

	private final String id;

	DefaultBentoTask(TaskRequests requests, String route, String id) {
		this.requests = requests;
		this.route = route;
		this.id = id;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String route() {
		return this.route;
	}

	@Override
	public Mono<TaskStatus> status() {
		return this.requests.taskStatus(this.route, this.id);
	}

	@Override
	public <T> Mono<T> result(Class<T> type) {
		return result(ParameterizedTypeReference.forType(type));
	}

	@Override
	public <T> Mono<T> result(ParameterizedTypeReference<T> type) {
		return this.requests.taskResult(this.route, this.id, type);
	}

	@Override
	public <T> Mono<T> await(Duration timeout, Class<T> type) {
		return await(timeout, ParameterizedTypeReference.forType(type));
	}

	@Override
	public <T> Mono<T> await(Duration timeout, ParameterizedTypeReference<T> type) {
		return awaitFinished(timeout).flatMap((status) -> switch (status.state()) {
			case COMPLETED -> result(type);
			case CANCELED ->
				Mono.error(new BentoTaskException("Task " + this.id + " of route " + this.route + " was canceled",
						this.id, status.state(), null));
			default -> result(type).onErrorMap((ex) -> new BentoTaskException(
					"Task " + this.id + " of route " + this.route + " failed: " + ex.getMessage(), this.id,
					status.state(), ex));
		});
	}

	@Override
	public Mono<TaskStatus> awaitFinished(Duration timeout) {
		AtomicReference<@Nullable TaskStatus> last = new AtomicReference<>();
		return poll(FIRST_POLL, last).timeout(timeout, Mono.defer(() -> {
			TaskStatus status = last.get();
			String state = (status != null) ? status.state().name().toLowerCase(Locale.ROOT) : "not known yet";
			return Mono.error(new BentoTaskException(
					"Task " + this.id + " of route " + this.route + " did not finish within "
							+ ServiceErrors.seconds(timeout) + " (status: " + state + ")",
					this.id, (status != null) ? status.state() : null, null));
		}));
	}

	private Mono<TaskStatus> poll(Duration pause, AtomicReference<@Nullable TaskStatus> last) {
		return status().flatMap((status) -> {
			last.set(status);
			if (status.isFinished()) {
				return Mono.just(status);
			}
			Duration next = (pause.compareTo(LONGEST_POLL.dividedBy(2)) > 0) ? LONGEST_POLL : pause.multipliedBy(2);
			return Mono.delay(pause).then(Mono.defer(() -> poll(next, last)));
		});
	}

	@Override
	public Mono<Void> cancel() {
		return this.requests.cancelTask(this.route, this.id);
	}

	@Override
	public Mono<BentoTask> retry() {
		return this.requests.retryTask(this.route, this.id);
	}

	@Override
	public BlockingBentoTask blocking() {
		return new DefaultBlockingBentoTask(this);
	}

	@Override
	public String toString() {
		return "BentoTask[" + this.route + ", " + this.id + "]";
	}

}
