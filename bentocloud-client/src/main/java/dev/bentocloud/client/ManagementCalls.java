package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bentocloud.client.model.Page;
import dev.bentocloud.client.support.LateErrors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every operation of the management API shares: the HTTP interface (built on first
 * use), error translation under an overall deadline per call, and paging that a
 * misbehaving server cannot make endless.
 */
final class ManagementCalls {

	/**
	 * Page size asked for; servers cap it (the real one at 100), and we follow
	 * {@code total}.
	 */
	static final int PAGE_SIZE = 100;

	private final URI endpoint;

	private final Supplier<ManagementApi> api;

	private final HttpErrors errors;

	private final Duration callTimeout;

	private final int maxPages;

	/**
	 * Creates the calls from what the client's builder prepared.
	 * @param api the HTTP interface, built on first use: building WebClient and its
	 * connector costs a few hundred milliseconds, which application startup should not
	 * pay
	 */
	ManagementCalls(URI endpoint, Supplier<ManagementApi> api, HttpErrors errors, Duration callTimeout, int maxPages) {
		this.endpoint = endpoint;
		this.api = api;
		this.errors = errors;
		this.callTimeout = callTimeout;
		this.maxPages = maxPages;
	}

	ManagementApi api() {
		return this.api.get();
	}

	/**
	 * One call: errors translated, and an overall deadline, retries included, so that a
	 * body that drips a byte at a time (which no read timeout catches) cannot hold a
	 * caller forever.
	 */
	<T> Mono<T> call(String operation, Mono<T> response) {
		return response
			.timeout(this.callTimeout,
					Mono.error(() -> new BentoCloudTransportException(
							"Could not get a response from BentoCloud for " + operation + " within " + this.callTimeout
									+ " (the call timeout, BentoCloudClientBuilder.callTimeout(...); retries included)",
							null)))
			.onErrorMap((ex) -> !(ex instanceof BentoCloudException), (ex) -> this.errors.translate(operation, ex))
			.contextWrite(LateErrors.ignored());
	}

	/**
	 * Every item of a list, page by page, as the pages arrive (memory stays bounded). A
	 * server that misbehaves cannot make this loop: each page must start where asked, an
	 * empty page ends the list, and there are never more pages than the first
	 * {@code total} allows (plus one) nor more than the configured maximum.
	 */
	<T> Flux<T> paged(String operation, Function<Integer, Mono<Page<T>>> fetch) {
		return fetchPage(operation, fetch, 0, 1, -1).expand((fetched) -> {
			Page<T> page = fetched.page();
			int next = fetched.start() + page.items().size();
			if (page.items().isEmpty() || next >= page.total()) {
				return Mono.empty();
			}
			int pages = fetched.number() + 1;
			if (pages > fetched.firstTotal() + 1 || pages > this.maxPages) {
				return Mono
					.error(new BentoCloudMalformedResponseException(
							"Malformed response from BentoCloud for " + operation + " (" + this.endpoint + "): page "
									+ pages + " would exceed "
									+ ((pages > this.maxPages) ? "the maximum of " + this.maxPages + " pages"
											: "the " + (fetched.firstTotal() + 1) + " pages that a total of "
													+ fetched.firstTotal() + " allows")
									+ "; the list does not end (total " + page.total() + " after " + next + " items)",
							null));
			}
			return fetchPage(operation, fetch, next, pages, fetched.firstTotal());
		}).concatMapIterable((fetched) -> fetched.page().items());
	}

	private <T> Mono<FetchedPage<T>> fetchPage(String operation, Function<Integer, Mono<Page<T>>> fetch, int start,
			int number, int firstTotal) {
		return fetch.apply(start).map((page) -> {
			if (page.start() != start) {
				throw new BentoCloudMalformedResponseException("Malformed response from BentoCloud for " + operation
						+ " (" + this.endpoint + "): page " + number + " was asked for start=" + start
						+ " but starts at " + page.start() + "; the server does not page", null);
			}
			return new FetchedPage<>(page, start, number, (firstTotal >= 0) ? firstTotal : page.total());
		});
	}

	/**
	 * A page with where it was asked to start, its number (from 1), and the first page's
	 * total.
	 */
	private record FetchedPage<T>(Page<T> page, int start, int number, int firstTotal) {
	}

	static <T> Mono<T> absentAsEmpty(Mono<T> response) {
		return response.onErrorResume(BentoCloudNotFoundException.class, (ex) -> Mono.empty());
	}

	static String requireText(@Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
		return value;
	}

	/** BentoML sends unset query parameters as empty values ({@code cluster=}). */
	static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
