package dev.bentocloud.spring.service;

import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.service.scan.NotAService;
import dev.bentocloud.spring.service.scan.ScanConfiguration;
import dev.bentocloud.spring.service.scan.ScannedSummarizer;
import dev.bentocloud.spring.testsupport.NoServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code @BentoService} interfaces {@code @EnableBentoServices} registers, and the
 * mistakes it reports, without a server: verification is off and nothing is called.
 */
class EnableBentoServicesTests {

	// Without the quiet period, closing each context would wait 2 s for Reactor Netty.
	private static final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
						BentoCloudAutoConfiguration.class, BentoServiceInterfacesAutoConfiguration.class))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s",
				"bentocloud.credentials.bentoml-sources=false", "bentocloud.endpoint=" + NoServer.ENDPOINT,
				"bentocloud.service-interfaces.verify=off");

	private static String exampleUrl() {
		return "bentocloud.services.example.url=" + NoServer.ENDPOINT + "/__services/example";
	}

	@BentoService("example")
	interface Summarizer {

		String summarize(String text);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = Summarizer.class)
	static class SummarizerConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(basePackageClasses = ScannedSummarizer.class)
	static class ScanningConfiguration {

	}

	@Test
	void aListedInterfaceIsABeanWithTheNamedServicesClient() {
		runner.withUserConfiguration(SummarizerConfiguration.class).withPropertyValues(exampleUrl()).run((context) -> {
			assertThat(context).hasSingleBean(Summarizer.class).hasBean("summarizer");
			assertThat(BentoServiceProxyFactory.clientOf(context.getBean(Summarizer.class)))
				.isSameAs(context.getBean("exampleBentoServiceClient"));
		});
	}

	@Test
	void withoutAttributesThePackageOfTheAnnotatedClassIsScanned() {
		runner.withUserConfiguration(ScanConfiguration.class, ScanningConfiguration.class)
			.withPropertyValues(exampleUrl())
			.run((context) -> assertThat(context).hasSingleBean(ScannedSummarizer.class)
				.doesNotHaveBean(NotAService.class));
	}

	@Test
	void withoutEnableBentoServicesThereIsNothingToVerify() {
		runner.withPropertyValues(exampleUrl())
			.run((context) -> assertThat(context).doesNotHaveBean(BentoServiceInterfaceVerification.class)
				.doesNotHaveBean(BentoServiceInterfacesProperties.class));
	}

	@BentoService(value = "example", url = "http://127.0.0.1:1")
	interface TwoServices {

		String summarize(String text);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = TwoServices.class)
	static class TwoServicesConfiguration {

	}

	@Test
	void anInterfaceNamesExactlyOneService() {
		runner.withUserConfiguration(TwoServicesConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(TwoServices.class.getName()
						+ " must name exactly one service in @BentoService: a name under bentocloud.services "
						+ "(value), a url, or a deployment; it names 2"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = NotAService.class)
	static class NotAServiceConfiguration {

	}

	@Test
	void aListedInterfaceNeedsBentoService() {
		runner.withUserConfiguration(NotAServiceConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(NotAService.class.getName() + " has no @BentoService"));
	}

	@Test
	void anUnknownServiceNameIsReportedWithTheConfiguredNames() {
		runner.withUserConfiguration(SummarizerConfiguration.class)
			.withPropertyValues("bentocloud.services.other.url=" + NoServer.ENDPOINT + "/__services/example")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining(Summarizer.class.getName() + " is @BentoService(\"example\"): No BentoML "
						+ "service named 'example' in bentocloud.services; the configured services are other."));
	}

}
