package dev.bentocloud.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the packaged app picks its BentoCloud credentials inside a container. Skeletons until the
 * sample app serves its web mode with actuator and the emulator can be started from here; each
 * body shows the intended set-up with {@link SampleAppContainer}.
 */
@EnabledIfDockerAvailable
@Disabled("needs the sample app web mode and the emulator — issue 4")
class SampleAppCredentialScenariosIT {

	private static final String TOKEN = "it-scenario-token-0c6d2f9b71";

	@Test
	void environmentKeyAndEndpointOnly() throws Exception {
		try (SampleAppContainer app = new SampleAppContainer().withApiKey(TOKEN).withApiEndpoint(emulatorEndpoint())) {
			app.start();
			assertThat(health(app)).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void fileWithTwoContextsAndContextVariable() throws Exception {
		String yaml = """
				contexts:
				- api_token: it-first-token-aa11
				  email: null
				  endpoint: http://127.0.0.1:9
				  name: first
				- api_token: %s
				  email: null
				  endpoint: %s
				  name: second
				current_context_name: first
				""".formatted(TOKEN, emulatorEndpoint());
		try (SampleAppContainer app = new SampleAppContainer().withYataiConfig(yaml).withCloudContext("second")) {
			app.start();
			assertThat(health(app)).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void environmentWinsOverFile() throws Exception {
		String yaml = """
				contexts:
				- api_token: it-file-token-bb22
				  email: null
				  endpoint: http://127.0.0.1:9
				  name: default
				current_context_name: default
				""";
		try (SampleAppContainer app = new SampleAppContainer().withYataiConfig(yaml)
			.withApiKey(TOKEN)
			.withApiEndpoint(emulatorEndpoint())) {
			app.start();
			assertThat(health(app)).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void brokenFileStopsTheAppWithAFailureReport() {
		try (SampleAppContainer app = new SampleAppContainer().withYataiConfig("contexts: [ {name: broken\n")) {
			SampleAppContainer.Exit exit = app.runToExit(Duration.ofSeconds(90));
			assertThat(exit.exitCode()).isNotZero();
			assertThat(exit.logs()).contains("APPLICATION FAILED TO START").contains(SampleAppContainer.YATAI_CONFIG_PATH);
		}
	}

	@Test
	void invalidTokenMakesHealthDown() throws Exception {
		try (SampleAppContainer app = new SampleAppContainer().withApiKey("it-invalid-token-9e9e")
			.withApiEndpoint(emulatorEndpoint())) {
			app.start();
			assertThat(health(app)).contains("\"status\":\"DOWN\"").doesNotContain("it-invalid-token-9e9e");
		}
	}

	/** The emulator on this JVM's loopback; the container reaches it through the host network. */
	private static String emulatorEndpoint() {
		throw new UnsupportedOperationException("start the BentoCloud emulator here (issue 4)");
	}

	private static String health(SampleAppContainer app) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(app.getBaseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
