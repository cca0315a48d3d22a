package com.example.aot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.bentocloud.emulator.BentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as AOT-processed at build time ({@code spring-boot:process-aot}), started
 * with {@code spring.aot.enabled=true} against an emulator: its generated bean definitions
 * are used, and BentoCloud calls through the auto-configured client and a
 * {@code @BentoService} interface answer.
 */
class AotApplicationTests {

	@Test
	void theAotProcessedApplicationCallsBentoCloud() throws Exception {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
		assertThat(Class.forName("com.example.aot.AotApplication__ApplicationContextInitializer")).isNotNull();
		SpringApplication application = new SpringApplication(AotApplication.class);
		// Names the generated AotApplication__ApplicationContextInitializer
		// (else: surefire's main class).
		application.setMainApplicationClass(AotApplication.class);
		try (BentoCloudEmulator emulator = BentoCloudEmulator.start();
				ConfigurableApplicationContext context = run(application, emulator)) {
			AccountSummary summary = context.getBean(AccountSummary.class);
			assertThat(summary.currentUser()).isEqualTo("demo");
			assertThat(summary.deployments()).containsExactly("iris", "example");
			assertThat(emulator.requestCount("GET", "/api/v1/auth/current")).isGreaterThanOrEqualTo(2);
			String summarized = context.getBean(Summarizer.class).summarize("aot");
			System.out.println("[aot-app] Summarizer.summarize(\"aot\"): " + summarized);
			assertThat(summarized).isEqualTo("Summary: aot");
		}
	}

	private static ConfigurableApplicationContext run(SpringApplication application, BentoCloudEmulator emulator) {
		emulator.seedDeployment("iris", "iris:v1", false);
		emulator.seedDeployment("example", "example:1", false);
		return application.run("--bentocloud.endpoint=" + emulator.endpoint(),
				"--bentocloud.services.example.url=" + emulator.deploymentUrl("example"),
				"--bentocloud.api-token=" + emulator.apiToken(), "--bentocloud.credentials.bentoml-sources=false");
	}

	@Test
	void theGeneratedNativeImageMetadataHasTheClientsHints() throws Exception {
		Path nativeImage = Path.of("target/spring-aot/main/resources/META-INF/native-image");
		String metadata;
		try (Stream<Path> files = Files.walk(nativeImage)) {
			metadata = files.filter((file) -> file.toString().endsWith(".json")).map(AotApplicationTests::read)
				.reduce("", String::concat);
		}
		assertThat(metadata).contains("dev.bentocloud.client.model.User", "dev.bentocloud.client.model.Deployment",
				"dev.bentocloud.client.ManagementApi", "com.example.aot.Summarizer");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
