package dev.bentocloud.client;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API tokens of the current organization ({@code /api/v1/api_tokens}).
 *
 * @since 0.1.0
 */
public interface ApiTokenOperations {

	/** Every token, following {@code start/count/total} through all pages. */
	default Flux<ApiToken> list() {
		return list(null);
	}

	/**
	 * Every token whose name matches {@code search} (or all when {@code null}), through
	 * all pages.
	 */
	Flux<ApiToken> list(@Nullable String search);

	/**
	 * Creates a token. The result is the only place the secret {@link ApiToken#token()}
	 * appears. Never retried, so a failed call never creates two tokens.
	 */
	Mono<ApiToken> create(CreateApiTokenRequest request);

	/** The token with this uid, or empty if there is none. */
	Mono<ApiToken> get(String uid);

	/**
	 * Deletes the token; fails with {@link BentoCloudNotFoundException} if there is none.
	 */
	Mono<Void> delete(String uid);

}
