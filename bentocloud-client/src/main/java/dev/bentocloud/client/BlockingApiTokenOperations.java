package dev.bentocloud.client;

import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import org.jspecify.annotations.Nullable;

/**
 * Blocking {@link ApiTokenOperations}.
 *
 * @since 0.1.0
 */
public interface BlockingApiTokenOperations {

	/**
	 * Every API token, through all pages.
	 * @return the tokens
	 */
	default List<ApiToken> list() {
		return list(null);
	}

	/**
	 * Every API token whose name matches {@code search}, through all pages.
	 * @param search the name search, or {@code null} for all
	 * @return the tokens
	 */
	List<ApiToken> list(@Nullable String search);

	/**
	 * Creates an API token. Never retried.
	 * @param request the token
	 * @return the created token, with its secret value
	 */
	ApiToken create(CreateApiTokenRequest request);

	/**
	 * The API token, if there is one.
	 * @param uid the token's uid
	 * @return the token
	 */
	Optional<ApiToken> get(String uid);

	/**
	 * Deletes the API token.
	 * @param uid the token's uid
	 */
	void delete(String uid);

}
