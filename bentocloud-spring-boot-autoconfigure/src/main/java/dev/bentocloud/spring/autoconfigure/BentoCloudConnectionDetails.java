package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.util.List;

import dev.bentocloud.client.BentoCloudCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to connect to BentoCloud: the management endpoint, the API token, and
 * where they came from. The default comes from the {@code bentocloud.*} properties, as
 * resolved from Spring's sources, BentoML's environment variables and
 * {@code .yatai.yaml}; define a bean of this type (a test's emulator, a
 * {@code @ServiceConnection} container, a secrets manager) to replace it. In a test with
 * {@code @AutoConfigureBentoCloudEmulator} or an emulator container, an application's own
 * bean of this type is in turn replaced by the emulator's.
 *
 * @since 0.1.0
 */
public interface BentoCloudConnectionDetails extends ConnectionDetails {

	/**
	 * The management endpoint.
	 * @return e.g. {@code https://acme.cloud.bentoml.com}
	 */
	URI getEndpoint();

	/**
	 * The API token sent as {@code X-YATAI-API-TOKEN}.
	 * @return the token, or {@code null} when none is configured
	 */
	@Nullable String getApiToken();

	/**
	 * Where the token came from, for logs and health details; never the token itself. The
	 * starter's own details return it with control characters escaped.
	 * @return e.g. {@code env:BENTO_CLOUD_API_KEY}
	 */
	default String getSource() {
		return getClass().getSimpleName();
	}

	/**
	 * Where the credentials were looked for when no token was found.
	 * @return the places, empty when a token was found
	 */
	default List<String> getSearched() {
		return List.of();
	}

	/**
	 * These details as the client library's credentials.
	 * @return the credentials
	 */
	default BentoCloudCredentials toCredentials() {
		return new BentoCloudCredentials(getEndpoint().toString(), getApiToken(), getSource(), getSearched());
	}

}
