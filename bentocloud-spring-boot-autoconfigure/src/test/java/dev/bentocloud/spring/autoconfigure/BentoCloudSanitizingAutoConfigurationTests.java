package dev.bentocloud.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator sanitizing function: tokens masked in the env and configprops endpoints
 * even when they show all values.
 */
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
			"bentocloud.service.token", "other.api_key", "bentocloud.services.summarizer.token",
			"bentocloud.services[summarizer].token", "BENTOCLOUD_SERVICES_SUMMARIZER_TOKEN" })
	void keysNamingATokenAreMasked(String key) {
		assertThat(BentoCloudSanitizingFunction.isSecretKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bentocloud.endpoint", "bentocloud.config-file", "token-count", "bentocloud.context",
			"bentocloud.services.summarizer.url", "bentocloud.services.tokenizer.deployment" })
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
	void aNamedServiceTokenIsMaskedUnderItsKeyAndWhereverElseItAppears() {
		String serviceToken = "SERVICE-TOKEN-4b1d2e";
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("bentocloud.services.summarizer.token", serviceToken, "bentocloud.services.summarizer.url",
							"https://summarizer-acme.mt-guc1.bentoml.ai", "sun.java.command",
							"app.jar --bentocloud.services.summarizer.token=" + serviceToken)));
		EnvironmentEndpoint endpoint = new EnvironmentEndpoint(environment,
				List.of(new BentoCloudSanitizingFunction(environment)), Show.ALWAYS);
		String json = JsonMapper.builder().build().writeValueAsString(endpoint.environment(null));
		assertThat(json).doesNotContain(serviceToken)
			.contains("https://summarizer-acme.mt-guc1.bentoml.ai")
			.contains("--bentocloud.services.summarizer.token=" + SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void configpropsShowingAllValuesMasksNamedServiceTokens() {
		String serviceToken = "SERVICE-TOKEN-9c8e7f";
		new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
			.withPropertyValues("bentocloud.services.summarizer.url=https://summarizer-acme.mt-guc1.bentoml.ai",
					"bentocloud.services.summarizer.token=" + serviceToken,
					"bentocloud.service.token=default-" + serviceToken)
			.run((context) -> {
				ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
						List.of(new BentoCloudSanitizingFunction(context.getEnvironment())), Show.ALWAYS);
				endpoint.setApplicationContext(context);
				String json = JsonMapper.builder()
					.build()
					.writeValueAsString(endpoint.configurationPropertiesWithPrefix("bentocloud"));
				assertThat(json).contains("summarizer-acme", "\"token\":\"" + SanitizableData.SANITIZED_VALUE + "\"")
					.doesNotContain(serviceToken);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BentoCloudProperties.class)
	static class PropertiesConfiguration {

	}

	@Test
	void withoutTheFunctionShowAlwaysWouldPrintTheToken() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("bentocloud.api-token", TOKEN)));
		EnvironmentEndpoint endpoint = new EnvironmentEndpoint(environment, List.of(), Show.ALWAYS);
		assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.environment(null))).contains(TOKEN);
	}

}
