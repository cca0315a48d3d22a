package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.spring.testsupport.NoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client auto-configuration's beans, their back-off, connection details and
 * properties, without a server: the endpoint is {@link NoServer} and nothing calls it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BentoCloudAutoConfigurationTests {

	private static final String TOKEN = "t0k-wiring-0123456789";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class));

	private ApplicationContextRunner withNoServer() {
		return this.runner.withPropertyValues("bentocloud.endpoint=" + NoServer.ENDPOINT,
				"bentocloud.api-token=" + TOKEN);
	}

	@Test
	void beansExistWithoutTokenAndCallsExplainWhatToDo() {
		// A call that reached the network would fail on the refused connection instead.
		this.runner.withPropertyValues("bentocloud.endpoint=" + NoServer.ENDPOINT).run((context) -> {
			assertThat(context).hasSingleBean(BentoCloudClient.class);
			assertThatExceptionOfType(BentoCloudCredentialsException.class)
				.isThrownBy(() -> context.getBean(BlockingBentoCloudClient.class).currentUser())
				.withMessageContaining("bentoml cloud login");
		});
	}

	@Test
	void backsOffWhenUserDefinesBeans() {
		BentoCloudClient own = BentoCloudClient.builder().endpoint(NoServer.ENDPOINT).build();
		withNoServer().withBean(BentoCloudClient.class, () -> own).run((context) -> {
			assertThat(context.getBean(BentoCloudClient.class)).isSameAs(own);
			assertThat(context.getBean(BlockingBentoCloudClient.class)).isSameAs(own.blocking());
		});
	}

	@Test
	void propertiesConnectionDetailsNameTheSourceAndNeverTheToken() {
		withNoServer().run((context) -> {
			BentoCloudConnectionDetails details = context.getBean(BentoCloudConnectionDetails.class);
			assertThat(details).isInstanceOf(PropertiesBentoCloudConnectionDetails.class);
			assertThat(details.getEndpoint()).hasToString(NoServer.ENDPOINT);
			assertThat(details.getApiToken()).isEqualTo(TOKEN);
			assertThat(details.toString()).doesNotContain(TOKEN);
			assertThat(details.toCredentials().toString()).doesNotContain(TOKEN);
		});
	}

	@Test
	void disabledByProperty() {
		withNoServer().withPropertyValues("bentocloud.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BentoCloudClient.class)
				.doesNotHaveBean(BlockingBentoCloudClient.class)
				.doesNotHaveBean(BentoServiceClientFactory.class));
	}

	@Test
	void refusesPlainHttpToRemoteHost() {
		this.runner.withPropertyValues("bentocloud.endpoint=http://bentocloud.example.com", "bentocloud.api-token=t0k")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bentocloud.allow-insecure-endpoint"));
	}

	@Test
	void allowsPlainHttpWhenToldAndWarns(CapturedOutput output) {
		this.runner
			.withPropertyValues("bentocloud.endpoint=http://bentocloud.example.com", "bentocloud.api-token=t0k-secret",
					"bentocloud.allow-insecure-endpoint=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("plain http").doesNotContain("t0k-secret");
			});
	}

}
