package dev.bentocloud.it;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain on which the container scenarios build: base image property, the
 * packaged jar in a container, environment and credentials file reaching the app, Spring
 * Boot started, clean stop.
 */
@EnabledIfDockerAvailable
class SampleAppContainerSmokeIT {

	private static final String ENV_TOKEN = "it-env-token-7f3ac1d2e9";

	private static final String FILE_TOKEN = "it-file-token-41b8e6a0c5";

	private static final String YATAI_CONFIG = """
			contexts:
			- api_token: %s
			  email: null
			  endpoint: http://127.0.0.1:9
			  name: default
			current_context_name: default
			""".formatted(FILE_TOKEN);

	@Test
	void sampleAppStartsInItsContainerWithCredentialsAndStopsCleanly() throws Exception {
		try (SampleAppContainer app = new SampleAppContainer().withApiKey(ENV_TOKEN)
			.withApiEndpoint("http://127.0.0.1:9")
			.withYataiConfig(YATAI_CONFIG)) {
			long startNanos = System.nanoTime();
			app.start();
			System.out.printf("[bentocloud-it] sample app on %s started in %d ms%n", app.getDockerImageName(),
					(System.nanoTime() - startNanos) / 1_000_000);

			assertThat(app.getDockerImageName()).isEqualTo(SampleAppContainer.baseImage().asCanonicalNameString());
			assertThat(app.getLogs()).containsPattern("Started SampleApplication in [0-9.]+ seconds");
			try (Socket server = new Socket(InetAddress.getLoopbackAddress(), app.getServerPort())) {
				assertThat(server.isConnected()).as("app's server on this machine's 127.0.0.1 (host network)").isTrue();
			}
			ExecResult environment = app.execInContainer("cat", "/proc/1/environ");
			assertThat(environment.getStdout().split("\0")).contains("BENTO_CLOUD_API_KEY=" + ENV_TOKEN,
					"BENTO_CLOUD_API_ENDPOINT=http://127.0.0.1:9");
			String yatai = app.copyFileFromContainer(SampleAppContainer.YATAI_CONFIG_PATH,
					(in) -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(yatai).isEqualTo(YATAI_CONFIG);

			long stopNanos = System.nanoTime();
			long exitCode = app.stopGracefully(Duration.ofSeconds(30));
			System.out.printf("[bentocloud-it] sample app stopped in %d ms, exit code %d%n",
					(System.nanoTime() - stopNanos) / 1_000_000, exitCode);
			String logs = app.getLogs();
			assertThat(exitCode).as("exit code after SIGTERM (137 = had to be killed); log:%n%s", logs).isIn(0L, 143L);
			assertThat(logs).doesNotContain(ENV_TOKEN).doesNotContain(FILE_TOKEN);
		}
	}

}
