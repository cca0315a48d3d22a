package dev.bentocloud.spring.credentials;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two layers of Spring's property sources, on the adapters Boot's binder uses: the
 * sources of a wrapped environment belong to the layer of the source wrapping it.
 */
class SpringPropertyLayersTests {

	@Test
	void sourcesOfAWrappedEnvironmentBelongToTheLayerItIsIn() {
		StandardEnvironment environment = environment();
		environment.getPropertySources().addFirst(wrapping("upper", Map.of("bentocloud.api-token", "upper-token")));
		environment.getPropertySources()
			.addLast(wrapping("lower", Map.of("bentocloud.endpoint", "https://lower.example.com")));
		ConfigurationPropertySources.attach(environment);
		SpringPropertyLayers layers = new SpringPropertyLayers(environment);
		assertThat(layers.find(layers.above(), SpringPropertyLayers.TOKEN))
			.extracting(SpringPropertyLayers.Found::value)
			.isEqualTo("upper-token");
		assertThat(layers.find(layers.below(), SpringPropertyLayers.TOKEN)).isNull();
		assertThat(layers.find(layers.below(), SpringPropertyLayers.ENDPOINT))
			.extracting(SpringPropertyLayers.Found::value)
			.isEqualTo("https://lower.example.com");
		assertThat(layers.find(layers.above(), SpringPropertyLayers.ENDPOINT)).isNull();
	}

	/**
	 * A source whose source is an environment: Boot adapts that environment's sources.
	 */
	private static PropertySource<ConfigurableEnvironment> wrapping(String name, Map<String, Object> properties) {
		StandardEnvironment nested = new StandardEnvironment();
		nested.getPropertySources().forEach((source) -> nested.getPropertySources().remove(source.getName()));
		nested.getPropertySources().addFirst(new MapPropertySource(name + "-member", properties));
		return new PropertySource<>(name, nested) {

			@Override
			public @Nullable Object getProperty(String key) {
				return getSource().getProperty(key);
			}

		};
	}

	@Test
	void relaxedEnvironmentVariablesAreAboveTheConfigFilesWithOrWithoutAttachedSources() {
		for (boolean attached : new boolean[] { true, false }) {
			StandardEnvironment environment = environment();
			environment.getPropertySources()
				.addLast(new MapPropertySource("application.yml", Map.of("bentocloud.api-token", "yml-token")));
			if (attached) {
				ConfigurationPropertySources.attach(environment);
			}
			SpringPropertyLayers layers = new SpringPropertyLayers(environment);
			assertThat(layers.find(layers.above(), SpringPropertyLayers.TOKEN))
				.extracting(SpringPropertyLayers.Found::value)
				.isEqualTo("env-token");
			assertThat(layers.find(layers.below(), SpringPropertyLayers.TOKEN))
				.extracting(SpringPropertyLayers.Found::value)
				.isEqualTo("yml-token");
			assertThat(layers.find(layers.all(), SpringPropertyLayers.TOKEN))
				.extracting(SpringPropertyLayers.Found::value)
				.isEqualTo("env-token");
		}
	}

	private static StandardEnvironment environment() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("BENTOCLOUD_APITOKEN", "env-token")));
		return environment;
	}

}
