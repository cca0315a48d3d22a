package dev.bentocloud.spring.service;

import java.time.Duration;
import java.util.Map;

import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.service.scan.NotAService;
import dev.bentocloud.spring.service.scan.ScannedSummarizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @BentoService} interfaces as beans calling the emulator's example service: by
 * the name of a configured service, by URL and by deployment, listed or scanned.
 */
class EnableBentoServicesIntegrationTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	// Without the quiet period, closing each context would wait 2 s for Reactor Netty.
	static final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
						BentoCloudAutoConfiguration.class, BentoServiceInterfacesAutoConfiguration.class))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s",
				"bentocloud.credentials.bentoml-sources=false");

	@BeforeEach
	void seed() {
		BentoCloudEmulator server = emulator.get();
		server.reset();
		server.seedDeployment("example", "example:1", false);
	}

	static String exampleUrl() {
		return "bentocloud.services.example.url=" + emulator.get().deploymentUrl("example");
	}

	@BentoService("example")
	interface Summarizer {

		String summarize(String text);

		Flux<String> generate(String prompt, int n);

		BlockingBentoTask longJob(double seconds);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = Summarizer.class)
	static class SummarizerConfiguration {

	}

	@Test
	void aNamedServiceInterfaceIsABeanCallingTheService() {
		runner.withUserConfiguration(SummarizerConfiguration.class).withPropertyValues(exampleUrl()).run((context) -> {
			assertThat(context).hasSingleBean(Summarizer.class).hasBean("summarizer");
			Summarizer summarizer = context.getBean(Summarizer.class);
			assertThat(summarizer.summarize("typed")).isEqualTo("Summary: typed");
			assertThat(summarizer.generate("go", 2).collectList().block()).containsExactly("token-0 ", "token-1 ");
			assertThat(summarizer.longJob(0.1)
				.await(Duration.ofSeconds(10), new ParameterizedTypeReference<Map<String, Object>>() {
				})).containsEntry("done", true);
			// the same client as the named service's bean
			assertThat(BentoServiceProxyFactory.clientOf(summarizer))
				.isSameAs(context.getBean("exampleBentoServiceClient"));
		});
	}

	@BentoService(url = "${example.url}")
	interface ByUrl {

		String summarize(String text);

	}

	@BentoService(deployment = "example")
	interface ByDeployment {

		String summarize(String text);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = { ByUrl.class, ByDeployment.class })
	static class UrlAndDeploymentConfiguration {

	}

	@Test
	void aServiceMayBeNamedByUrlOrByDeployment() {
		runner.withUserConfiguration(UrlAndDeploymentConfiguration.class)
			.withPropertyValues("example.url=" + emulator.get().deploymentUrl("example"),
					"bentocloud.endpoint=" + emulator.get().endpoint(),
					"bentocloud.api-token=" + emulator.get().apiToken())
			.run((context) -> {
				assertThat(context.getBean(ByUrl.class).summarize("by url")).isEqualTo("Summary: by url");
				assertThat(context.getBean(ByDeployment.class).summarize("by deployment"))
					.isEqualTo("Summary: by deployment");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(basePackageClasses = ScannedSummarizer.class)
	static class ScanningConfiguration {

	}

	@Test
	void interfacesAreFoundByScanningPackages() {
		runner.withUserConfiguration(ScanningConfiguration.class).withPropertyValues(exampleUrl()).run((context) -> {
			assertThat(context).hasSingleBean(ScannedSummarizer.class).doesNotHaveBean(NotAService.class);
			assertThat(context.getBean(ScannedSummarizer.class).summarize("scanned")).isEqualTo("Summary: scanned");
		});
	}

}
