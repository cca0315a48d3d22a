package dev.bentocloud.spring.service;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;

import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceMismatchException;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.service.BentoServiceInterfacesProperties.Verify;
import dev.bentocloud.spring.testsupport.FirstToStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Startup verification of {@code @BentoService} interfaces against the emulator's example
 * service: {@code fail} stops startup with a report naming the method and the route,
 * {@code warn} logs it, {@code off} reads no schema.
 */
@ExtendWith(OutputCaptureExtension.class)
class BentoServiceInterfaceVerificationTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@BeforeEach
	void seed() {
		emulator.get().reset();
		emulator.get().seedDeployment("example", "example:1", false);
		emulator.get().recordRequests(true);
	}

	private static String exampleUrl() {
		return "bentocloud.services.example.url=" + emulator.get().deploymentUrl("example");
	}

	@BentoService("example")
	interface RenamedRoute {

		String summarise(String text);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = RenamedRoute.class)
	static class RenamedRouteConfiguration {

	}

	@BentoService("example")
	interface MissingArgument {

		Flux<String> generate(@Nullable Integer n);

		String summarize(String text);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = MissingArgument.class)
	static class MissingArgumentConfiguration {

	}

	@Test
	void aRenamedRouteStopsStartupNamingTheMethodAndTheRoute() {
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(RenamedRouteConfiguration.class)
			.withPropertyValues(exampleUrl(), "bentocloud.service-interfaces.verify=fail")
			.run((context) -> {
				assertThat(context).getFailure()
					.isInstanceOf(BentoServiceInterfaceMismatchException.class)
					.hasMessageContaining(RenamedRoute.class.getName() + " does not match the service example "
							+ "(bentocloud.services.example) (1 mismatch):")
					.hasMessageContaining("RenamedRoute.summarise(String) -> route summarise: the service has no "
							+ "such route; did you mean summarize?");
				FailureAnalysis analysis = new BentoServiceInterfaceMismatchFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.startsWith("A BentoML service interface does not match its service's /schema.json:")
					.contains("RenamedRoute.summarise(String) -> route summarise");
				assertThat(analysis.getAction()).contains("@BentoRoute(\"...\")")
					.contains("bentocloud.service-interfaces.verify=warn");
			});
	}

	@Test
	void aMissingRequiredArgumentStopsStartup() {
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(MissingArgumentConfiguration.class)
			.withPropertyValues(exampleUrl(), "bentocloud.service-interfaces.verify=fail")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(BentoServiceInterfaceMismatchException.class)
				.hasMessageContaining("MissingArgument.generate(Integer) -> route generate: the required argument "
						+ "prompt (string) is not a parameter of the method"));
	}

	@Test
	void everyInterfaceThatDoesNotMatchIsReported() {
		EnableBentoServicesIntegrationTests.runner
			.withUserConfiguration(RenamedRouteConfiguration.class, MissingArgumentConfiguration.class)
			.withPropertyValues(exampleUrl(), "bentocloud.service-interfaces.verify=fail")
			.run((context) -> {
				FailureAnalysis analysis = new BentoServiceInterfaceMismatchFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("RenamedRoute.summarise(String) -> route summarise")
					.contains("MissingArgument.generate(Integer) -> route generate");
			});
	}

	@Test
	void warnLogsTheMismatchWithoutStoppingStartup(CapturedOutput output) {
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(RenamedRouteConfiguration.class)
			.withPropertyValues(exampleUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RenamedRoute.class);
				assertThat(context.getBean(BentoServiceInterfacesProperties.class).verify()).isEqualTo(Verify.WARN);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(output)
						.contains("RenamedRoute.summarise(String) -> route summarise: the service has no such route")
						.contains("set bentocloud.service-interfaces.verify=fail to stop startup on a mismatch"));
			});
	}

	@Test
	void aCloseCancelsACheckStillRunningBeforeStoppingAnything(CapturedOutput output) {
		emulator.get().faults().on("GET", "*/schema.json").delay(Duration.ofSeconds(5));
		AtomicReference<@Nullable BentoServiceInterfaceVerification> verification = new AtomicReference<>();
		AtomicReference<@Nullable Boolean> checkingWhenStopping = new AtomicReference<>();
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(RenamedRouteConfiguration.class)
			.withPropertyValues(exampleUrl())
			.withBean(FirstToStop.class, () -> new FirstToStop(() -> {
				BentoServiceInterfaceVerification checks = verification.get();
				checkingWhenStopping.set(checks != null && checks.checkingInBackground());
			}))
			.run((context) -> {
				verification.set(context.getBean(BentoServiceInterfaceVerification.class));
				assertThat(verification.get().checkingInBackground()).isTrue();
			});
		assertThat(checkingWhenStopping).hasValue(false);
		assertThat(output).doesNotContain("Could not check");
	}

	@Test
	void offReadsNoSchema() {
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(RenamedRouteConfiguration.class)
			.withPropertyValues(exampleUrl(), "bentocloud.service-interfaces.verify=off")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(emulator.get().requests()).noneMatch((request) -> request.path().endsWith("/schema.json"));
			});
	}

	@Test
	void aMatchingInterfaceStartsAndItsSchemaIsReadOnce() {
		EnableBentoServicesIntegrationTests.runner
			.withUserConfiguration(EnableBentoServicesIntegrationTests.SummarizerConfiguration.class)
			.withPropertyValues(exampleUrl(), "bentocloud.service-interfaces.verify=fail")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(EnableBentoServicesIntegrationTests.Summarizer.class).summarize("checked");
				assertThat(emulator.get().requests()).filteredOn((request) -> request.path().endsWith("/schema.json"))
					.hasSize(1);
			});
	}

	@BentoService(url = "http://127.0.0.1:1")
	interface Unreachable {

		String summarise(String text);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices(clients = Unreachable.class)
	static class UnreachableConfiguration {

	}

	@Test
	void aSchemaThatCannotBeReadIsLoggedAndDoesNotStopStartup(CapturedOutput output) {
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(UnreachableConfiguration.class)
			.withPropertyValues("bentocloud.service-interfaces.verify=fail",
					"bentocloud.service-interfaces.verify-timeout=5s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Could not check " + Unreachable.class.getName()
						+ " against the /schema.json of the service at http://127.0.0.1:1");
			});
	}

	@Test
	void theAutoConfigurationAndTheFailureAnalyzerAreRegistered() throws Exception {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ImportCandidates.load(AutoConfiguration.class, classLoader))
			.contains(BentoServiceInterfacesAutoConfiguration.class.getName());
		StringBuilder factories = new StringBuilder();
		for (URL url : Collections.list(classLoader.getResources("META-INF/spring.factories"))) {
			try (InputStream in = url.openStream()) {
				factories.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(factories).contains(BentoServiceInterfaceMismatchFailureAnalyzer.class.getName());
	}

	@Test
	void aMisspelledPropertyIsRejected() {
		EnableBentoServicesIntegrationTests.runner.withUserConfiguration(RenamedRouteConfiguration.class)
			.withPropertyValues(exampleUrl(), "bentocloud.service-interfaces.verfy=off")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("bentocloud.service-interfaces.verfy")
				.hasMessageContaining("Did you mean bentocloud.service-interfaces.verify?"));
	}

}
