package dev.bentocloud.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's {@code compose.yaml} with Spring Boot's Docker Compose support: the
 * service is started with {@code docker compose up}, the starter connects to it, calls
 * answer, and closing the application stops it. Skipped, with the reason, where
 * {@code docker compose} (v2) or the locally built image is missing: it never pulls. Its
 * own failsafe execution and summary, so that its skip does not count as a skipped
 * container test.
 */
@EnabledIfDockerAvailable
class SampleDockerComposeIT {

	private static final Path COMPOSE_FILE = Path.of("../sample-app/compose.yaml");

	private static final String IMAGE = "bentocloud-emulator:0.1.0-SNAPSHOT";

	@Test
	void theSampleComposeFileConnectsTheApplicationToTheEmulator() throws Exception {
		assumeTrue(docker("compose", "version"), "[bentocloud-it] no 'docker compose' (v2) here");
		assumeTrue(docker("image", "inspect", IMAGE), "[bentocloud-it] image " + IMAGE
				+ " is not built here (docker build -t " + IMAGE + " bentocloud-emulator)");
		assertThat(Files.readString(COMPOSE_FILE)).contains("image: " + IMAGE);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.run("--spring.docker.compose.file=" + COMPOSE_FILE.toAbsolutePath(),
					"--spring.docker.compose.lifecycle-management=start-and-stop",
					"--spring.docker.compose.skip.in-tests=false", "--bentocloud.credentials.bentoml-sources=false")) {
			BentoCloudConnectionDetails details = context.getBean(BentoCloudConnectionDetails.class);
			assertThat(details.getSource()).isEqualTo("docker-compose:bentocloud");
			assertThat(details.getEndpoint().getHost()).isIn("127.0.0.1", "localhost");
			BlockingBentoCloudClient client = context.getBean(BlockingBentoCloudClient.class);
			assertThat(client.currentUser().name()).isEqualTo("demo");
			assertThat(client.deployments().list()).isNotEmpty();
		}
	}

	private static boolean docker(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("docker"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (java.io.IOException ex) {
			return false;
		}
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return false;
		}
		return process.exitValue() == 0;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
