package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each auto-configuration backs off when a class its {@code @ConditionalOnClass} names is
 * missing, and only that one. Nothing is called: the endpoints are never reached.
 */
class ClassConditionsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
						BentoCloudAutoConfiguration.class, BentoCloudHealthContributorAutoConfiguration.class,
						BentoCloudServicesHealthContributorAutoConfiguration.class,
						BentoCloudSanitizingAutoConfiguration.class))
		.withPropertyValues("bentocloud.endpoint=https://acme.example.com", "bentocloud.api-token=unused-token",
				"bentocloud.services.summarizer.url=https://summarizer.example.com");

	@Test
	void withEveryClassEveryAutoConfigurationApplies() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BentoCloudClient.class)
			.hasSingleBean(BentoServiceClientFactory.class)
			.hasSingleBean(BentoCloudHealthIndicator.class)
			.hasBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME)
			.hasSingleBean(BentoCloudSanitizingFunction.class));
	}

	@Test
	void withoutWebClientNothingButTheSanitizingApplies() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BentoCloudClient.class)
				.doesNotHaveBean(BentoServiceClientFactory.class)
				.doesNotHaveBean(BentoCloudHealthIndicator.class)
				.doesNotHaveBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME)
				.hasSingleBean(BentoCloudSanitizingFunction.class));
	}

	@Test
	void withoutTheClientLibraryNothingButTheSanitizingApplies() {
		this.runner.withClassLoader(new FilteredClassLoader(BentoCloudClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BentoCloudAutoConfiguration.class)
				.doesNotHaveBean(BentoCloudHealthIndicator.class)
				.hasSingleBean(BentoCloudSanitizingFunction.class));
	}

	@Test
	void withoutReactiveHealthTheClientsApplyWithoutHealthContributors() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(BentoCloudClient.class)
				.doesNotHaveBean(BentoCloudHealthIndicator.class)
				.doesNotHaveBean(BentoCloudServicesHealthContributorAutoConfiguration.BEAN_NAME)
				.hasSingleBean(BentoCloudSanitizingFunction.class));
	}

	@Test
	void withoutTheActuatorsSanitizingFunctionTheRestApplies() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasSingleBean(BentoCloudClient.class)
				.hasSingleBean(BentoCloudHealthIndicator.class)
				.doesNotHaveBean(BentoCloudSanitizingFunction.class));
	}

}
