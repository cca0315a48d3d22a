package dev.bentocloud.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class BentoCloudSanitizingAutoConfigurationTests {

	private static final String TOKEN = "SECRET-TOKEN-7f3a9c";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BentoCloudSanitizingAutoConfiguration.class));

	@Test
	void registersTheFunctionAndBacksOffForAUserBean() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BentoCloudSanitizingFunction.class));
		this.runner.withBean("mine", BentoCloudSanitizingFunction.class, () -> new BentoCloudSanitizingFunction(null))
			.run((context) -> assertThat(context).hasSingleBean(BentoCloudSanitizingFunction.class).hasBean("mine"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bentocloud.api-token", "bentocloud.apiToken", "BENTOCLOUD_API_TOKEN",
			"BENTO_CLOUD_API_KEY", "bentocloud.service.token", "bentocloud.service-token", "apiToken",
			"bentocloud.service.token", "other.api_key" })
	void keysNamingATokenAreMasked(String key) {
		assertThat(BentoCloudSanitizingFunction.isSecretKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "bentocloud.endpoint", "bentocloud.credentials.source", "token-count", "bentocloud.context" })
	void otherKeysAreNot(String key) {
		assertThat(BentoCloudSanitizingFunction.isSecretKey(key)).isFalse();
	}

	@Test
	void environmentEndpointShowingAllValuesMasksTheTokenUnderAnyKey() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("bentocloud.api-token", TOKEN, "bentocloud.service.token", "svc-" + TOKEN,
							"BENTO_CLOUD_API_KEY", TOKEN, "sun.java.command", "app.jar --bentocloud.api-token=" + TOKEN,
							"bentocloud.endpoint", "https://acme.cloud.bentoml.com")));
		List<SanitizingFunction> functions = List.of(new BentoCloudSanitizingFunction(environment));
		EnvironmentEndpoint endpoint = new EnvironmentEndpoint(environment, functions, Show.ALWAYS);

		String json = JsonMapper.builder().build().writeValueAsString(endpoint.environment(null));
		assertThat(json).doesNotContain(TOKEN)
			.contains("app.jar --bentocloud.api-token=" + SanitizableData.SANITIZED_VALUE)
			.contains("https://acme.cloud.bentoml.com");
		assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.environmentEntry("bentocloud.api-token")))
			.doesNotContain(TOKEN)
			.contains(SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void withoutTheFunctionShowAlwaysWouldPrintTheToken() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("bentocloud.api-token", TOKEN)));
		EnvironmentEndpoint endpoint = new EnvironmentEndpoint(environment, List.of(), Show.ALWAYS);
		assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.environment(null))).contains(TOKEN);
	}

}
