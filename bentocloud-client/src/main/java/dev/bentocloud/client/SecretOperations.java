package dev.bentocloud.client;

import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.UpdateSecretRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Organization secrets ({@code /api/v1/org_secrets}). A {@code null} cluster means the
 * organization's default cluster and is left out of the query string, as BentoML does.
 *
 * @since 0.1.0
 */
public interface SecretOperations {

	/**
	 * Every secret, through all pages.
	 * @return the secrets
	 */
	default Flux<Secret> list() {
		return list(null);
	}

	/**
	 * Every secret whose name matches {@code search}, through all pages (BentoML reads
	 * only the first 10).
	 * @param search the name search, or {@code null} for all
	 * @return the secrets
	 */
	Flux<Secret> list(@Nullable String search);

	/**
	 * Creates a secret. Never retried.
	 * @param request the secret
	 * @return the created secret
	 */
	Mono<Secret> create(CreateSecretRequest request);

	/**
	 * The secret in the default cluster, or empty if there is none.
	 * @param name the secret name
	 * @return the secret
	 */
	default Mono<Secret> get(String name) {
		return get(name, null);
	}

	/**
	 * The secret, or empty if there is none.
	 * @param name the secret name
	 * @param cluster its cluster, or {@code null}
	 * @return the secret
	 */
	Mono<Secret> get(String name, @Nullable String cluster);

	/**
	 * Replaces a secret's content and description (PATCH). Never retried.
	 * @param request the change
	 * @return the updated secret
	 */
	Mono<Secret> update(UpdateSecretRequest request);

	/**
	 * Deletes the secret in the default cluster; fails with
	 * {@link BentoCloudNotFoundException} if there is none.
	 * @param name the secret name
	 * @return completion
	 */
	default Mono<Void> delete(String name) {
		return delete(name, null);
	}

	/**
	 * Deletes the secret; fails with {@link BentoCloudNotFoundException} if there is
	 * none.
	 * @param name the secret name
	 * @param cluster its cluster, or {@code null}
	 * @return completion
	 */
	Mono<Void> delete(String name, @Nullable String cluster);

}
