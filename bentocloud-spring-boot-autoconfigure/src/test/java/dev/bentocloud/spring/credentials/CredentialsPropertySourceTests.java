package dev.bentocloud.spring.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-processor publishes only real configuration keys; where the credentials came
 * from reaches the connection details without a property of its own.
 */
class CredentialsPropertySourceTests {

	private static final ConfigurationPropertyName CREDENTIALS = ConfigurationPropertyName.of("bentocloud.credentials");

	@TempDir
	Path dir;

	@Test
	void onlyTheTokenAndTheEndpointArePublished() {
		CredentialsTestApplication app = new CredentialsTestApplication(this.dir).env("BENTO_CLOUD_API_KEY", "key-1")
			.env("BENTOCLOUD_DEPLOYMENT_URL", "https://my-svc.cloud.bentoml.com")
			.arg("--bentocloud.credentials.bentoml-sources=true");
		try (ConfigurableApplicationContext context = app.run()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			EnumerablePropertySource<?> published = (EnumerablePropertySource<?>) environment.getPropertySources()
				.get(BentoCloudCredentialsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
			assertThat(published.getPropertyNames()).containsExactly("bentocloud.api-token", "bentocloud.endpoint");
			assertThat(credentialsKeys(environment)).containsExactly("bentocloud.credentials.bentoml-sources");
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(environment);
			assertThat(source.source()).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(source.deploymentUrl()).isEqualTo("https://my-svc.cloud.bentoml.com");
			BentoCloudConnectionDetails details = context.getBean(BentoCloudConnectionDetails.class);
			assertThat(details.getSource()).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(details.getSearched()).isEmpty();
		}
	}

	@Test
	void withoutATokenTheConnectionDetailsSayWhereTheStarterLooked() {
		try (ConfigurableApplicationContext context = new CredentialsTestApplication(this.dir).run()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(credentialsKeys(environment)).isEmpty();
			assertThat(environment.containsProperty("bentocloud.api-token")).isFalse();
			BentoCloudConnectionDetails details = context.getBean(BentoCloudConnectionDetails.class);
			assertThat(details.getSource()).isEqualTo("none");
			assertThat(details.getSearched()).singleElement()
				.asString()
				.contains("BENTO_CLOUD_API_KEY: not set", ".yatai.yaml: not found");
		}
	}

	/** Every {@code bentocloud.credentials.*} key in any property source. */
	private static List<String> credentialsKeys(ConfigurableEnvironment environment) {
		List<String> keys = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(CREDENTIALS::isAncestorOf).forEach((name) -> keys.add(name.toString()));
			}
		}
		return keys;
	}

}
