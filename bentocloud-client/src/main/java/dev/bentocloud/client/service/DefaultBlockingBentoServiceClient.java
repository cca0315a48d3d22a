package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Blocks on a {@link BentoServiceClient}; the reactive client bounds every wait (per-call
 * timeout, stream idle timeout).
 */
final class DefaultBlockingBentoServiceClient implements BlockingBentoServiceClient {

	/** Chunks requested ahead of the reader of a stream. */
	private static final int STREAM_PREFETCH = 16;

	private final BentoServiceClient client;

	DefaultBlockingBentoServiceClient(BentoServiceClient client) {
		this.client = client;
	}

	@Override
	public URI url() {
		return Blocking.get(this.client.url());
	}

	@Override
	public boolean isReady() {
		return Blocking.get(this.client.isReady());
	}

	@Override
	public void waitUntilReady(Duration timeout) {
		this.client.waitUntilReady(timeout).block();
	}

	@Override
	public ServiceSchema schema() {
		return Blocking.get(this.client.schema());
	}

	@Override
	public <T> @Nullable T call(String route, @Nullable Object input, Class<T> type) {
		return this.client.call(route, input, type).block();
	}

	@Override
	public <T> @Nullable T call(String route, @Nullable Object input, ParameterizedTypeReference<T> type) {
		return this.client.call(route, input, type).block();
	}

	@Override
	public Stream<String> stream(String route, @Nullable Object input) {
		return this.client.stream(route, input).toStream(STREAM_PREFETCH);
	}

	@Override
	public <T> Stream<T> streamJson(String route, @Nullable Object input, Class<T> type) {
		return this.client.streamJson(route, input, type).toStream(STREAM_PREFETCH);
	}

	@Override
	public BlockingBentoTask submit(String route, @Nullable Object input) {
		return Blocking.get(this.client.submit(route, input)).blocking();
	}

	@Override
	public BlockingBentoTask task(String route, String taskId) {
		return this.client.task(route, taskId).blocking();
	}

	@Override
	public BlockingBentoServiceClient withCallTimeout(Duration timeout) {
		return this.client.withCallTimeout(timeout).blocking();
	}

	@Override
	public BentoServiceClient reactive() {
		return this.client;
	}

	@Override
	public String toString() {
		return "Blocking" + this.client;
	}

}
