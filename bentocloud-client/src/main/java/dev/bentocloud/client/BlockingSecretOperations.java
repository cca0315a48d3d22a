package dev.bentocloud.client;

import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.UpdateSecretRequest;
import org.jspecify.annotations.Nullable;

/**
 * Blocking {@link SecretOperations}.
 *
 * @since 0.1.0
 */
public interface BlockingSecretOperations {

	/**
	 * Every secret, through all pages.
	 * @return the secrets
	 */
	default List<Secret> list() {
		return list(null);
	}

	/**
	 * Every secret whose name matches {@code search}, through all pages.
	 * @param search the name search, or {@code null} for all
	 * @return the secrets
	 */
	List<Secret> list(@Nullable String search);

	/**
	 * Creates a secret. Never retried.
	 * @param request the secret
	 * @return the created secret
	 */
	Secret create(CreateSecretRequest request);

	/**
	 * The secret in the default cluster, if there is one.
	 * @param name the secret name
	 * @return the secret
	 */
	default Optional<Secret> get(String name) {
		return get(name, null);
	}

	/**
	 * The secret, if there is one.
	 * @param name the secret name
	 * @param cluster its cluster, or {@code null} for the default one
	 * @return the secret
	 */
	Optional<Secret> get(String name, @Nullable String cluster);

	/**
	 * Replaces a secret's content and description (PATCH). Never retried.
	 * @param request the change
	 * @return the updated secret
	 */
	Secret update(UpdateSecretRequest request);

	/**
	 * Deletes the secret in the default cluster; fails with
	 * {@link BentoCloudNotFoundException} if there is none.
	 * @param name the secret name
	 */
	default void delete(String name) {
		delete(name, null);
	}

	/**
	 * Deletes the secret; fails with {@link BentoCloudNotFoundException} if there is
	 * none.
	 * @param name the secret name
	 * @param cluster its cluster, or {@code null} for the default one
	 */
	void delete(String name, @Nullable String cluster);

}
