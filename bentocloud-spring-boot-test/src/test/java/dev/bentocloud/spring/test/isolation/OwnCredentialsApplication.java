package dev.bentocloud.spring.test.isolation;

import java.net.URI;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application that brings its own BentoCloud credentials, as the README suggests: a
 * {@link BentoCloudConnectionDetails} bean from a secrets manager (here the environment
 * variables {@code VAULT_BENTOCLOUD_ENDPOINT} and {@code VAULT_BENTOCLOUD_TOKEN}), and a
 * component that builds its own client from BentoML's chain at startup (the README's
 * plain-Java snippet). Not a {@code @SpringBootConfiguration}: the other scenarios of
 * this package would find it instead of the test application.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class OwnCredentialsApplication {

	@Bean
	BentoCloudConnectionDetails secretsManagerConnectionDetails() {
		return new SecretsManagerConnectionDetails();
	}

	@Bean
	PlainJavaClient plainJavaClient() {
		return new PlainJavaClient(
				BentoCloudClient.builder().credentials(BentoCloudCredentialsResolver.bentoml().resolve()).build());
	}

	/** Connection details "from a secrets manager". */
	static final class SecretsManagerConnectionDetails implements BentoCloudConnectionDetails {

		@Override
		public URI getEndpoint() {
			return URI.create(System.getenv("VAULT_BENTOCLOUD_ENDPOINT"));
		}

		@Override
		public String getApiToken() {
			return System.getenv("VAULT_BENTOCLOUD_TOKEN");
		}

		@Override
		public String getSource() {
			return "vault";
		}

	}

	/**
	 * A client the application built itself from
	 * {@code BentoCloudCredentialsResolver.bentoml()}.
	 *
	 * @param client the client
	 */
	record PlainJavaClient(BentoCloudClient client) {
	}

}
