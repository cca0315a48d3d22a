package dev.bentocloud.spring.credentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import dev.bentocloud.spring.autoconfigure.BentoCloudHealthContributorAutoConfiguration;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-processor publishes only real configuration keys; where the credentials came
 * from reaches the connection details and the health details without a property.
 */
class CredentialsPropertySourceTests {

	private static final ConfigurationPropertyName CREDENTIALS = ConfigurationPropertyName.of("bentocloud.credentials");

	private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

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

	@Test
	void theHealthDetailsShowTheSourceAndTheDeploymentButNoToken() {
		String token = emulator.get().apiToken();
		new ApplicationContextRunner().withInitializer((context) -> {
			ConfigurableEnvironment environment = context.getEnvironment();
			environment.getPropertySources()
				.replace(SYSTEM_ENVIRONMENT,
						new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT,
								Map.of("HOME", this.dir.toString(), "BENTO_CLOUD_API_KEY", token,
										"BENTO_CLOUD_API_ENDPOINT", emulator.get().endpoint(),
										"BENTOCLOUD_DEPLOYMENT_URL", "https://my-svc.cloud.bentoml.com")));
			new BentoCloudCredentialsEnvironmentPostProcessor((destination) -> new NoOpLog())
				.postProcessEnvironment(environment, new SpringApplication());
		})
			.withConfiguration(
					AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
							BentoCloudAutoConfiguration.class, BentoCloudHealthContributorAutoConfiguration.class))
			.run((context) -> {
				assertThat(credentialsKeys(context.getEnvironment())).isEmpty();
				Health health = context.getBean(BentoCloudHealthIndicator.class).health().block(Duration.ofSeconds(30));
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("credentialsSource", "env:BENTO_CLOUD_API_KEY")
					.containsEntry("bentoCloudDeployment", "https://my-svc.cloud.bentoml.com");
				assertThat(health.getDetails().toString()).doesNotContain(token);
			});
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
