package dev.bentocloud.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the packaged app picks its BentoCloud credentials inside a container: real
 * environment variables and a real {@code /root/bentoml/.yatai.yaml}, against an emulator
 * on this JVM's loopback (the container shares the host's network). Each scenario checks
 * {@code /actuator/health}, the CLI's {@code whoami} where it adds something, and that no
 * token reaches the container's log.
 * <p>
 * Two users make the chosen layer visible: {@code demo} (the seeded user) and
 * {@code bob}.
 */
@EnabledIfDockerAvailable
class SampleAppCredentialScenariosIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** One emulator for the class, closed afterwards. */
	@RegisterExtension
	static final BentoCloudEmulatorExtension emulatorExtension = new BentoCloudEmulatorExtension();

	private static BentoCloudEmulator emulator;

	/** demo's token. */
	private static String demoToken;

	/** bob's token. */
	private static String bobToken;

	@BeforeAll
	static void addBob() {
		emulator = emulatorExtension.get();
		demoToken = emulator.apiToken();
		bobToken = emulator.createUserWithToken("bob", "bob@example.com");
	}

	@Test
	void environmentKeyAndEndpointOnly() throws Exception {
		try (SampleAppContainer app = new SampleAppContainer().withApiKey(demoToken)
			.withApiEndpoint(emulator.endpoint())) {
			app.start();

			JsonNode bentocloud = assertHealth(app, 200, "UP");
			assertThat(text(bentocloud, "endpoint")).isEqualTo(emulator.endpoint());
			assertThat(text(bentocloud, "user")).isEqualTo("demo");
			assertThat(text(bentocloud, "organization")).isEqualTo("acme");
			assertThat(text(bentocloud, "credentialsSource")).isEqualTo("env:BENTO_CLOUD_API_KEY");

			JsonNode whoami = whoami(app);
			assertThat(whoami.path("user").path("name").asString()).isEqualTo("demo");
			assertThat(whoami.path("endpoint").asString()).isEqualTo(emulator.endpoint());
			assertThat(whoami.path("credentials_source").asString()).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(app.getLogs()).contains("BentoCloud credentials from env:BENTO_CLOUD_API_KEY");
			assertNoTokenIn(app.getLogs());
		}
	}

	@Test
	void fileWithTwoContextsAndContextVariable() throws Exception {
		// The file's current context is bob's; BENTOML_CLOUD_CONTEXT picks demo's.
		String yaml = """
				contexts:
				- api_token: %s
				  email: bob@example.com
				  endpoint: %s
				  name: first
				- api_token: %s
				  email: demo@example.com
				  endpoint: %s
				  name: second
				current_context_name: first
				""".formatted(bobToken, emulator.endpoint(), demoToken, emulator.endpoint());
		try (SampleAppContainer app = new SampleAppContainer().withYataiConfig(yaml).withCloudContext("second")) {
			app.start();

			JsonNode bentocloud = assertHealth(app, 200, "UP");
			assertThat(text(bentocloud, "endpoint")).isEqualTo(emulator.endpoint());
			assertThat(text(bentocloud, "user")).isEqualTo("demo");
			assertThat(text(bentocloud, "credentialsSource"))
				.isEqualTo("file:" + SampleAppContainer.YATAI_CONFIG_PATH + "#second");

			JsonNode whoami = whoami(app);
			assertThat(whoami.path("user").path("name").asString()).isEqualTo("demo");
			assertThat(whoami.path("credentials_source").asString())
				.isEqualTo("file:" + SampleAppContainer.YATAI_CONFIG_PATH + "#second");
			assertNoTokenIn(app.getLogs());
		}
	}

	@Test
	void environmentWinsOverFile() throws Exception {
		// The file alone would make the app bob; the environment makes it demo.
		String yaml = """
				contexts:
				- api_token: %s
				  email: bob@example.com
				  endpoint: %s
				  name: default
				current_context_name: default
				""".formatted(bobToken, emulator.endpoint());
		emulator.clearRequests();
		try (SampleAppContainer app = new SampleAppContainer().withYataiConfig(yaml)
			.withApiKey(demoToken)
			.withApiEndpoint(emulator.endpoint())) {
			app.start();

			JsonNode bentocloud = assertHealth(app, 200, "UP");
			assertThat(text(bentocloud, "user")).isEqualTo("demo");
			assertThat(text(bentocloud, "credentialsSource")).isEqualTo("env:BENTO_CLOUD_API_KEY");

			JsonNode whoami = whoami(app);
			assertThat(whoami.path("user").path("name").asString()).isEqualTo("demo");
			assertThat(whoami.path("credentials_source").asString()).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(emulator.requests()).as("bob's token from the file was never sent")
				.noneMatch((request) -> bobToken.equals(request.header("x-yatai-api-token")));
			assertNoTokenIn(app.getLogs());
		}
	}

	@Test
	void brokenFileWithoutEnvironmentStopsTheAppWithAFailureReport() throws Exception {
		String yaml = """
				contexts:
				- api_token: %s
				  name: [ broken
				""".formatted(bobToken);
		try (SampleAppContainer app = new SampleAppContainer().withYataiConfig(yaml)) {
			SampleAppContainer.Exit exit = app.runToExit(Duration.ofSeconds(90));

			assertThat(exit.exitCode()).as("exit code; log:%n%s", exit.logs()).isNotZero();
			assertThat(exit.logs()).contains("APPLICATION FAILED TO START")
				.contains("The BentoCloud credentials file " + SampleAppContainer.YATAI_CONFIG_PATH + " cannot be used")
				.contains("Action:")
				.contains("BENTO_CLOUD_API_KEY")
				.doesNotContain("Started SampleApplication");
			assertNoTokenIn(exit.logs());
		}
		try (SampleAppContainer cli = new SampleAppContainer().withYataiConfig(yaml).withAppArguments("whoami")) {
			SampleAppContainer.Exit whoami = cli.runToExit(Duration.ofSeconds(90));

			assertThat(whoami.exitCode()).as("whoami with a broken file; log:%n%s", whoami.logs()).isNotZero();
			assertThat(whoami.logs()).contains("Error:").contains(SampleAppContainer.YATAI_CONFIG_PATH);
			assertNoTokenIn(whoami.logs());
		}
	}

	@Test
	void invalidTokenMakesHealthDownWithTheReason() throws Exception {
		String invalidToken = "it-invalid-token-9e9e3b7c51";
		try (SampleAppContainer app = new SampleAppContainer().withApiKey(invalidToken)
			.withApiEndpoint(emulator.endpoint())) {
			app.start();

			JsonNode bentocloud = assertHealth(app, 503, "DOWN");
			assertThat(text(bentocloud, "endpoint")).isEqualTo(emulator.endpoint());
			assertThat(text(bentocloud, "error")).isEqualTo("unauthenticated");
			assertThat(bentocloud.path("status").asInt()).isEqualTo(401);
			assertThat(text(bentocloud, "reason")).contains("401").contains("rejected the API token");
			assertThat(text(bentocloud, "action")).contains("bentoml cloud login");
			assertThat(text(bentocloud, "credentialsSource")).isEqualTo("env:BENTO_CLOUD_API_KEY");
			assertThat(bentocloud.toString()).doesNotContain(invalidToken);

			SampleAppContainer.Exit whoami = app.runCli("whoami");
			assertThat(whoami.exitCode()).as("whoami with a rejected token; output:%n%s", whoami.logs()).isNotZero();
			assertThat(whoami.stderr()).startsWith("Error:").contains("401");
			assertThat(whoami.logs()).doesNotContain(invalidToken);
			assertThat(app.getLogs()).doesNotContain(invalidToken);
			assertNoTokenIn(app.getLogs());
		}
	}

	/**
	 * GETs /actuator/health, checks HTTP and overall status, and returns the bentocloud
	 * component's details.
	 */
	private static JsonNode assertHealth(SampleAppContainer app, int httpStatus, String status) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(app.getBaseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("HTTP status of /actuator/health: %s", response.body())
			.isEqualTo(httpStatus);
		JsonNode health = json.readTree(response.body());
		assertThat(text(health, "status")).as(response.body()).isEqualTo(status);
		JsonNode bentocloud = health.path("components").path("bentocloud");
		assertThat(text(bentocloud, "status")).as(response.body()).isEqualTo(status);
		assertNoTokenIn(response.body());
		return bentocloud.path("details");
	}

	/** Runs {@code whoami -o json} inside the app's container, which must succeed. */
	private static JsonNode whoami(SampleAppContainer app) throws Exception {
		SampleAppContainer.Exit whoami = app.runCli("whoami", "-o", "json");
		assertThat(whoami.exitCode()).as("whoami; output:%n%s", whoami.logs()).isZero();
		assertNoTokenIn(whoami.logs());
		String stdout = whoami.stdout();
		return json.readTree(stdout.substring(stdout.indexOf('{')));
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asString();
	}

	private static void assertNoTokenIn(String output) {
		assertThat(output).doesNotContain(demoToken).doesNotContain(bobToken);
	}

}
