package dev.bentocloud.sample.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.sample.SampleApplication;
import dev.bentocloud.sample.cli.CliRun;
import dev.bentocloud.sample.cli.SampleCli;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile {@code emulator} end to end: the web app with it talks to its own seeded
 * emulator through connection details (health and info say so), a developer's credentials
 * are not used, CLI runs share the web app's emulator; without it the usual credential
 * layers apply.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedEmulatorTests {

	private static final String DEMO_TOKEN = EmbeddedEmulatorConfiguration.DEMO_TOKEN;

	private static final String PROFILE = "--spring.profiles.active=emulator";

	/** The operator's view of health, with details. */
	private static final String[] SHOW_DETAILS = { "--management.endpoint.health.show-details=always",
			"--management.endpoint.health.show-components=always" };

	@TempDir
	Path dir;

	@Test
	void webAppWithTheProfileUsesTheEmulatorOnTheConfiguredPortSaysSoAndClosesIt(CapturedOutput output) {
		int port = freePort();
		String endpoint = "http://127.0.0.1:" + port;
		try (ConfigurableApplicationContext context = web(Map.of(), PROFILE, "--sample.emulator.port=" + port,
				SHOW_DETAILS[0], SHOW_DETAILS[1])) {
			assertThat(context.getBean(BentoCloudEmulator.class).endpoint()).isEqualTo(endpoint);
			BentoCloudConnectionDetails details = context.getBean(BentoCloudConnectionDetails.class);
			assertThat(details).isInstanceOf(EmbeddedEmulatorConnectionDetails.class);
			assertThat(details.getEndpoint()).hasToString(endpoint);
			assertThat(details.getSource()).isEqualTo("emulator (profile emulator)");
			assertThat(context.getEnvironment().getProperty("bentocloud.api-token"))
				.as("no demo token among the application's properties")
				.isNull();
			WebTestClient web = client(context);
			web.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.bentocloud.status")
				.isEqualTo("UP")
				.jsonPath("$.components.bentocloud.details.user")
				.isEqualTo("demo")
				.jsonPath("$.components.bentocloud.details.endpoint")
				.isEqualTo(endpoint)
				.jsonPath("$.components.bentocloud.details.credentialsSource")
				.isEqualTo(EmbeddedEmulatorConfiguration.SOURCE);
			web.get()
				.uri("/actuator/info")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.bentocloud.endpoint")
				.isEqualTo(endpoint)
				.jsonPath("$.bentocloud.credentialsSource")
				.isEqualTo(EmbeddedEmulatorConfiguration.SOURCE)
				.jsonPath("$.bentocloud.embeddedEmulator")
				.isEqualTo(true);
			assertThat(output.getAll())
				.contains("Using the embedded BentoCloud emulator at " + endpoint
						+ " (profile emulator); without the profile the sample uses your BentoCloud account")
				.doesNotContain("No BentoCloud API token");
			assertThat(EmbeddedEmulatorConfiguration.isListening(port)).isTrue();
		}
		assertThat(EmbeddedEmulatorConfiguration.isListening(port)).isFalse();
		assertThat(output.getAll()).doesNotContain(DEMO_TOKEN);
	}

	@Test
	void withTheProfileTheDemoServiceIsTheEmulatorsDeploymentDemoIris() {
		try (ConfigurableApplicationContext context = web(Map.of(), PROFILE, "--sample.emulator.port=" + freePort())) {
			WebTestClient web = client(context);
			List<String> chunks = web.get()
				.uri("/services/demo/generate?prompt=hi&n=5")
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
				})
				.getResponseBody()
				.map(ServerSentEvent::data)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(chunks).containsExactly("token-0 ", "token-1 ", "token-2 ", "token-3 ", "token-4 ");
			web.get()
				.uri("/services/demo/summarize?text=hello")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("Summary: hello");
			BentoCloudEmulator emulator = context.getBean(BentoCloudEmulator.class);
			assertThat(emulator.requests()).extracting(RecordedRequest::path)
				.as("the URL was looked up through the management API")
				.contains("/api/v2/deployments/demo-iris");
			assertThat(emulator.requests()).filteredOn((request) -> request.path().startsWith("/__services/"))
				.extracting((request) -> request.header("Authorization"))
				.as("demo-iris is not protected: no token is sent to it")
				.containsOnlyNulls();
		}
	}

	@Test
	void withTheProfileTheDevelopersCredentialsAreNotUsed() throws IOException {
		// Read, this file would stop the application: BentoML's sources are off.
		Path brokenFile = Files.writeString(this.dir.resolve(".yatai.yaml"), "contexts: [ {");
		Map<String, Object> developer = Map.of("BENTO_CLOUD_API_KEY", "developer-env-token", "BENTO_CLOUD_API_ENDPOINT",
				"https://developer.example");
		try (ConfigurableApplicationContext context = web(developer, PROFILE, "--sample.emulator.port=0",
				"--bentocloud.config-file=" + brokenFile, "--bentocloud.api-token=developer-property-token")) {
			BentoCloudEmulator emulator = context.getBean(BentoCloudEmulator.class);
			BlockingBentoCloudClient client = context.getBean(BlockingBentoCloudClient.class);
			assertThat(client.currentUser().name()).isEqualTo("demo");
			assertThat(context.getBean(BentoCloudConnectionDetails.class).getApiToken()).isEqualTo(DEMO_TOKEN);
			assertThat(emulator.requests()).isNotEmpty()
				.allSatisfy((request) -> assertThat(request.header("X-YATAI-API-TOKEN")).isEqualTo(DEMO_TOKEN));
		}
	}

	@Test
	void cliRunsWithTheProfileUseTheWebAppsEmulator() {
		int port = freePort();
		try (ConfigurableApplicationContext context = web(Map.of(), PROFILE, "--sample.emulator.port=" + port)) {
			String out = cli(PROFILE, "--sample.emulator.port=" + port, "api-token", "create", "made-by-cli", "-o",
					"json");
			assertThat(out).contains("\"made-by-cli\"");
			assertThat(cli(PROFILE, "--sample.emulator.port=" + port, "whoami")).contains("http://127.0.0.1:" + port,
					EmbeddedEmulatorConfiguration.SOURCE);
			// The Spring path's connection details
			// (LeanCliTests: both paths print the same)
			try (ConfigurableApplicationContext cli = nonWeb(Map.of(), PROFILE, "--sample.emulator.port=" + port)) {
				assertThat(cli.getBean(BentoCloudConnectionDetails.class).getEndpoint())
					.hasToString("http://127.0.0.1:" + port);
				assertThat(cli.getBeanFactory().containsSingleton("sampleCliEmulator")).as("no emulator of its own")
					.isFalse();
			}
			client(context).get()
				.uri("/tokens?search=made-by")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].name")
				.isEqualTo("made-by-cli");
		}
	}

	@Test
	void withoutTheProfileTheUsualCredentialLayersApply() {
		Map<String, Object> developer = Map.of("BENTO_CLOUD_API_KEY", "developer-env-token", "BENTO_CLOUD_API_ENDPOINT",
				"https://developer.example");
		try (ConfigurableApplicationContext context = nonWeb(developer)) {
			assertThat(context.getBeansOfType(BentoCloudEmulator.class)).isEmpty();
			BentoCloudConnectionDetails details = context.getBean(BentoCloudConnectionDetails.class);
			assertThat(details).isNotInstanceOf(EmbeddedEmulatorConnectionDetails.class);
			assertThat(details.getApiToken()).isEqualTo("developer-env-token");
			assertThat(details.getEndpoint()).hasToString("https://developer.example");
			assertThat(details.getSource()).isEqualTo("env:BENTO_CLOUD_API_KEY");
		}
	}

	@Test
	void withoutTheProfileOrCredentialsTheStartersGuidanceAndHowToTryTheSample(CapturedOutput output) {
		Map<String, Object> nothing = Map.of("BENTOML_HOME", this.dir.toString());
		try (ConfigurableApplicationContext context = nonWeb(nothing)) {
			assertThat(context.getBeansOfType(BentoCloudEmulator.class)).isEmpty();
			assertThat(context.getBean(BentoCloudConnectionDetails.class).getApiToken()).isNull();
		}
		assertThat(output.getAll()).contains("No BentoCloud API token is configured.", "bentoml cloud login",
				"BENTO_CLOUD_API_KEY",
				"To try the sample without a BentoCloud account, run it with --spring.profiles.active=emulator");
	}

	private static ConfigurableApplicationContext web(Map<String, Object> variables, String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(SampleApplication.class).environment(environment(variables))
			.run(all.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext nonWeb(Map<String, Object> variables, String... args) {
		return new SpringApplicationBuilder(SampleApplication.class).environment(environment(variables))
			.web(WebApplicationType.NONE)
			.initializers(EmbeddedEmulatorTests::usePrivateNettyResources)
			.run(args);
	}

	/**
	 * As the CLI does: closing this context must not dispose the JVM-wide Reactor Netty
	 * resources a web app of the same test still uses.
	 */
	private static void usePrivateNettyResources(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		});
	}

	/** An environment whose OS variables are these, not the developer's. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	private static String cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = CliRun
			.inThisJvm(() -> SampleCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
