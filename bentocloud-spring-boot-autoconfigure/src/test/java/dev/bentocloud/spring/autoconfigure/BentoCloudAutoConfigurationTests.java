package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.spring.client.BentoCloudClient;
import dev.bentocloud.spring.client.BentoCloudCredentialsException;
import dev.bentocloud.spring.client.BentoServiceClientFactory;
import dev.bentocloud.spring.client.BlockingBentoCloudClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class BentoCloudAutoConfigurationTests {

	private static BentoCloudEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					BentoCloudAutoConfiguration.class));

	@BeforeAll
	static void start() {
		emulator = BentoCloudEmulator.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private ApplicationContextRunner withEmulator() {
		return this.runner.withPropertyValues("bentocloud.endpoint=" + emulator.endpoint(),
				"bentocloud.api-token=" + emulator.apiToken());
	}

	@Test
	void beansArePresentAndWork() {
		withEmulator().run((context) -> {
			assertThat(context).hasSingleBean(BentoCloudClient.class)
				.hasSingleBean(BlockingBentoCloudClient.class)
				.hasSingleBean(BentoServiceClientFactory.class);
			assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
		});
	}

	@Test
	void beansExistWithoutTokenAndCallsExplainWhatToDo() {
		this.runner.withPropertyValues("bentocloud.endpoint=" + emulator.endpoint()).run((context) -> {
			assertThat(context).hasSingleBean(BentoCloudClient.class);
			assertThatExceptionOfType(BentoCloudCredentialsException.class)
				.isThrownBy(() -> context.getBean(BlockingBentoCloudClient.class).currentUser())
				.withMessageContaining("bentoml cloud login");
		});
	}

	@Test
	void backsOffWhenUserDefinesBeans() {
		BentoCloudClient own = BentoCloudClient.builder().endpoint(emulator.endpoint()).build();
		withEmulator().withBean(BentoCloudClient.class, () -> own).run((context) -> {
			assertThat(context.getBean(BentoCloudClient.class)).isSameAs(own);
			assertThat(context.getBean(BlockingBentoCloudClient.class)).isSameAs(own.blocking());
		});
	}

	@Test
	void disabledByProperty() {
		withEmulator().withPropertyValues("bentocloud.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BentoCloudClient.class)
				.doesNotHaveBean(BlockingBentoCloudClient.class)
				.doesNotHaveBean(BentoServiceClientFactory.class);
		});
	}

	@Test
	void webClientCustomizersApply() {
		WebClientCustomizer customizer = (builder) -> builder.defaultHeader("X-Custom", "yes");
		withEmulator().withBean(WebClientCustomizer.class, () -> customizer).run((context) -> {
			emulator.clearRequests();
			context.getBean(BlockingBentoCloudClient.class).currentOrganization();
			RecordedRequest request = emulator.requests().get(0);
			assertThat(request.header("x-custom")).isEqualTo("yes");
			assertThat(request.header("x-yatai-api-token")).isEqualTo(emulator.apiToken());
			assertThat(request.header("accept")).isEqualTo("application/json");
			assertThat(request.header("user-agent")).matches("bentocloud-spring-boot/\\S+");
			assertThat(request.header("content-type")).isNull();
			assertThat(request.rawQuery()).isNullOrEmpty();
		});
	}

	@Test
	void timeoutsAndRetriesComeFromProperties() {
		withEmulator().withPropertyValues("bentocloud.retry.max-attempts=1", "bentocloud.retry.initial-backoff=5ms")
			.run((context) -> {
				emulator.faults().on("GET", "/api/v1/auth/current").respond(503);
				try {
					emulator.clearRequests();
					assertThat(context.getBean(BentoCloudClient.class).currentUser().onErrorComplete().block())
						.isNull();
					assertThat(emulator.requestCount("GET", "/api/v1/auth/current")).isEqualTo(2);
				}
				finally {
					emulator.faults().clear();
				}
			});
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
