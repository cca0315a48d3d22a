package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.util.Map;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.BlockingBentoServiceClient;
import dev.bentocloud.spring.testsupport.NoServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Named services of {@code bentocloud.services} as beans, without a server: injected by
 * qualifier, looked up by name, replaced by the application's beans, tokens masked.
 */
class BentoServiceClientsAutoConfigurationTests {

	private static final String SUMMARIZER_URL = NoServer.ENDPOINT + "/__services/summarizer";

	private static final String SERVICE_TOKEN = "svc-wiring-0123456789";

	// Without the quiet period, closing each context would wait 2 s for Reactor Netty.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s", "bentocloud.endpoint=" + NoServer.ENDPOINT,
				"bentocloud.api-token=t0k-wiring-0123456789");

	private ApplicationContextRunner withNoServer(String... properties) {
		return this.runner.withPropertyValues(properties);
	}

	private static String summarizerUrl() {
		return "bentocloud.services.summarizer.url=" + SUMMARIZER_URL;
	}

	@Test
	void aUrlServiceIsInjectedByQualifier() {
		withNoServer(summarizerUrl(), "bentocloud.services.summarizer.token=" + SERVICE_TOKEN).withBean(Summaries.class)
			.run((context) -> {
				Summaries summaries = context.getBean(Summaries.class);
				BentoServiceClients clients = context.getBean(BentoServiceClients.class);
				assertThat(clients.names()).containsExactly("summarizer");
				assertThat(summaries.reactive).isSameAs(clients.get("summarizer"))
					.isSameAs(context.getBean("summarizerBentoServiceClient"));
				assertThat(summaries.blocking.reactive()).isSameAs(summaries.reactive);
			});
	}

	@Test
	void anUnknownNameListsTheConfiguredOnes() {
		withNoServer(summarizerUrl(), "bentocloud.services.classifier.deployment=iris-classifier").run((context) -> {
			BentoServiceClients clients = context.getBean(BentoServiceClients.class);
			assertThatIllegalArgumentException().isThrownBy(() -> clients.get("sumarizer"))
				.withMessageContaining("'sumarizer'")
				.withMessageContaining("summarizer, classifier");
		});
	}

	@Test
	void withoutServicesThereAreNoClientBeansButTheLookupSaysHowToAddOne() {
		withNoServer().run((context) -> {
			assertThat(context).doesNotHaveBean(BentoServiceClient.class)
				.doesNotHaveBean(BlockingBentoServiceClient.class);
			BentoServiceClients clients = context.getBean(BentoServiceClients.class);
			assertThat(clients.names()).isEmpty();
			assertThatIllegalArgumentException().isThrownBy(() -> clients.get("summarizer"))
				.withMessageContaining("bentocloud.services.summarizer.url");
		});
	}

	@Test
	void anApplicationBeanOfTheSameNameReplacesOurs() {
		BentoServiceClient mine = BentoServiceClientFactory.builder()
			.build()
			.create(URI.create(NoServer.ENDPOINT + "/__services/iris-classifier"));
		withNoServer(summarizerUrl()).withBean("summarizerBentoServiceClient", BentoServiceClient.class, () -> mine)
			.run((context) -> {
				assertThat(context).hasSingleBean(BentoServiceClient.class);
				assertThat(context.getBean(BentoServiceClients.class).get("summarizer")).isSameAs(mine);
				assertThat(context.getBean("summarizerBlockingBentoServiceClient", BlockingBentoServiceClient.class)
					.reactive()).isSameAs(mine);
			});
	}

	@Test
	void aBentoServiceClientsBeanOfTheApplicationReplacesOurs() {
		BentoServiceClients mine = new BentoServiceClients(Map.of());
		withNoServer(summarizerUrl()).withBean(BentoServiceClients.class, () -> mine)
			.run((context) -> assertThat(context).getBean(BentoServiceClients.class).isSameAs(mine));
	}

	@Test
	void propertiesToStringMasksEveryServiceToken() {
		withNoServer(summarizerUrl(), "bentocloud.services.summarizer.token=" + SERVICE_TOKEN,
				"bentocloud.service.token=default-" + SERVICE_TOKEN)
			.run((context) -> {
				String text = context.getBean(BentoCloudProperties.class).toString();
				assertThat(text).doesNotContain(SERVICE_TOKEN)
					.contains("summarizer=NamedService[url=" + SUMMARIZER_URL)
					.contains("token=******");
			});
	}

	static class Summaries {

		final BentoServiceClient reactive;

		final BlockingBentoServiceClient blocking;

		Summaries(@Qualifier("summarizer") BentoServiceClient reactive,
				@Qualifier("summarizer") BlockingBentoServiceClient blocking) {
			this.reactive = reactive;
			this.blocking = blocking;
		}

	}

}
