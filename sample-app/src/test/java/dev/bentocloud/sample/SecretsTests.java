package dev.bentocloud.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.emulator.FaultRule;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.sample.cli.CliRun;
import dev.bentocloud.sample.cli.SampleCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs every feature with a recognisable management token, in each credential mode, and
 * checks that the token appears in no HTTP response (web endpoints and actuator, with
 * values shown), no log line, no stdout or stderr, no CLI output and no exception
 * message. {@code api-token
 * create} prints the token it creates, on purpose: that is a new secret, not this one.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

	private static final String TOKEN = "SECRET-TOKEN-7f3a9c";

	private static final String USER = "/api/v1/auth/current";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	static Path dir;

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(true).demoToken(TOKEN));

	private final List<String> checked = new ArrayList<>();

	enum Mode {

		/**
		 * {@code bentocloud.api-token} (and {@code bentocloud.service.token}) as
		 * properties.
		 */
		PROPERTY,

		/** A {@code .yatai.yaml} named by {@code bentocloud.config-file}. */
		FILE

	}

	@AfterEach
	void clearFaults() {
		emulator.get().faults().clear();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void webEndpointsActuatorHealthAndClientErrorsNeverShowTheToken(Mode mode, CapturedOutput output) throws Exception {
		List<String> args = new ArrayList<>(springArgs(mode));
		args.addAll(List.of("--server.port=0", "--management.endpoints.web.exposure.include=*",
				"--management.endpoint.env.show-values=ALWAYS", "--management.endpoint.configprops.show-values=ALWAYS",
				"--management.endpoint.health.show-details=always",
				"--management.endpoint.health.show-components=always", "--management.info.env.enabled=true",
				// each fault below must reach BentoCloud: no cached answers
				"--sample.upstream.cache-ttl=0", "--sample.upstream.error-cache-ttl=0"));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.run(args.toArray(String[]::new))) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();

			assertThat(get(base, "/whoami", 200)).contains("\"demo\"");
			assertThat(get(base, "/tokens", 200)).contains("read-only");
			get(base, "/tokens?search=read", 200);
			assertThat(get(base, "/deployments", 200)).contains("demo-iris");
			get(base, "/deployments/demo-iris", 200);
			get(base, "/deployments/no-such-deployment", 404);

			String env = get(base, "/actuator/env", 200);
			assertThat(env).as("the endpoint shows values, so masking is what hides the token")
				.contains("\"bentocloud.api-token\"", "bentocloudCredentials", "******");
			assertThat(get(base, "/actuator/env/bentocloud.api-token", 200)).contains("******");
			get(base, "/actuator/env/bentocloud.endpoint", 200);
			if (mode == Mode.PROPERTY) {
				assertThat(get(base, "/actuator/env/bentocloud.service.token", 200)).contains("******");
			}
			assertThat(get(base, "/actuator/configprops", 200)).contains("apiToken");
			get(base, "/actuator/configprops/bentocloud", 200);
			get(base, "/actuator/info", 200);
			get(base, "/actuator/beans", 200);
			get(base, "/actuator/conditions", 200);

			JsonNode up = JSON.readTree(get(base, "/actuator/health", 200));
			assertThat(up.at("/components/bentocloud/status").asString()).isEqualTo("UP");

			BlockingBentoCloudClient client = app.getBean(BlockingBentoCloudClient.class);
			clientError(base, client, (rule) -> rule.respond(401).header("x-trace-id", "t-" + TOKEN), 502);
			clientError(base, client, (rule) -> rule.body(404, "{\"message\":\"no " + TOKEN + "\"}"), 404);
			clientError(base, client, (rule) -> rule.respond(500).header("x-trace-id", "t-500"), 502);
			clientError(base, client, (rule) -> rule.body(503, "{\"message\":\"" + TOKEN + " overloaded\"}"), 502);
			clientError(base, client, (rule) -> rule.delay(Duration.ofSeconds(3)), 503);

			emulator.get().faults().on("GET", USER).respond(503).header("x-trace-id", "t-" + TOKEN);
			Thread.sleep(50); // past the health cache TTL
			JsonNode down = JSON.readTree(get(base, "/actuator/health", 503));
			assertThat(down.at("/components/bentocloud/status").asString()).isEqualTo("DOWN");
			emulator.get().faults().clear();
		}
		assertThat(this.checked).hasSizeGreaterThan(20);
		assertThat(output.getAll()).contains("Netty started on port", "BentoCloud credentials from")
			.doesNotContain(TOKEN);
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void cliCommandsAndFailuresNeverShowTheToken(Mode mode, CapturedOutput output) throws IOException {
		assertThat(cli(mode, 0, "whoami")).contains("Demo User (demo)");
		assertThat(cli(mode, 0, "api-token", "list")).contains("read-only");
		assertThat(cli(mode, 0, "deployment", "list")).contains("demo-iris");
		List<Consumer<FaultRule>> faults = List.of((rule) -> rule.respond(401),
				(rule) -> rule.respond(500).header("x-trace-id", "t-" + TOKEN));
		// each CLI run starts a context: the rest once is enough
		if (mode == Mode.PROPERTY) {
			JsonNode created = JSON.readTree(cli(mode, 0, "api-token", "create", "secrets", "-o", "json"));
			String uid = created.get("uid").asString();
			assertThat(created.get("token").asString()).as("the new token, shown once on purpose").isNotEqualTo(TOKEN);
			assertThat(cli(mode, 0, "api-token", "get", uid)).contains("secrets");
			cli(mode, 0, "api-token", "delete", uid);
			cli(mode, 1, "api-token", "get", uid);
			assertThat(cli(mode, 0, "deployment", "get", "demo-iris")).contains("demo-iris");
			cli(mode, 1, "deployment", "get", "no-such-deployment");
			faults = new ArrayList<>(faults);
			faults.add((rule) -> rule.body(503, "{\"message\":\"" + TOKEN + "\"}"));
			faults.add((rule) -> rule.delay(Duration.ofSeconds(3)));
		}
		for (Consumer<FaultRule> fault : faults) {
			fault.accept(emulator.get().faults().on("GET", USER));
			cli(mode, 1, "whoami");
			emulator.get().faults().clear();
		}
		assertThat(output.getAll()).contains("BentoCloud credentials from").doesNotContain(TOKEN);
	}

	@Test
	void realEnvironmentVariableModeInAChildJvm() throws Exception {
		ProcessResult ok = childJvm("whoami");
		assertThat(ok.exitCode()).as(ok.output()).isZero();
		assertThat(ok.output()).contains("Demo User (demo)", "env:BENTO_CLOUD_API_KEY").doesNotContain(TOKEN);
		emulator.get().faults().on("GET", USER).respond(401).header("x-trace-id", TOKEN);
		ProcessResult rejected = childJvm("whoami");
		assertThat(rejected.exitCode()).as(rejected.output()).isOne();
		assertThat(rejected.output()).contains("401").doesNotContain(TOKEN);
	}

	private void clientError(String base, BlockingBentoCloudClient client, Consumer<FaultRule> fault, int webStatus)
			throws Exception {
		emulator.get().faults().clear();
		fault.accept(emulator.get().faults().on("GET", USER));
		Throwable thrown = catchThrowable(client::currentUser);
		assertThat(thrown).isInstanceOf(BentoCloudException.class);
		for (Throwable t = thrown; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			assertThat(t.toString()).doesNotContain(TOKEN);
		}
		get(base, "/whoami", webStatus);
		emulator.get().faults().clear();
	}

	private String get(String base, String path, int expectedStatus) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(expectedStatus);
		assertThat(response.body()).as("GET %s", path).doesNotContain(TOKEN);
		assertThat(response.headers().map().toString()).doesNotContain(TOKEN);
		this.checked.add(path);
		return response.body();
	}

	private String cli(Mode mode, int expectedExit, String... command) {
		List<String> args = new ArrayList<>(springArgs(mode));
		// the CLI logs nowhere by default; scan its logs too
		args.add("--logging.console.enabled=true");
		args.addAll(List.of(command));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = CliRun.inThisJvm(
				() -> SampleCli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8)));
		String stdout = out.toString(StandardCharsets.UTF_8);
		String stderr = err.toString(StandardCharsets.UTF_8);
		assertThat(exit).as("%s\n%s\n%s", List.of(command), stdout, stderr).isEqualTo(expectedExit);
		assertThat(stdout + stderr).as(String.join(" ", command)).doesNotContain(TOKEN);
		return stdout;
	}

	private static List<String> springArgs(Mode mode) {
		List<String> args = new ArrayList<>(List.of("--bentocloud.retry.max-attempts=1",
				"--bentocloud.retry.initial-backoff=5ms", "--bentocloud.response-timeout=1s",
				"--bentocloud.health.cache-ttl=10ms", "--logging.level.dev.bentocloud=DEBUG",
				"--logging.level.org.springframework.web.reactive.function.client=DEBUG"));
		switch (mode) {
			case PROPERTY -> args.addAll(List.of("--bentocloud.endpoint=" + emulator.get().endpoint(),
					"--bentocloud.api-token=" + TOKEN, "--bentocloud.service.token=" + TOKEN));
			case FILE -> args.add("--bentocloud.config-file=" + yataiFile());
		}
		return args;
	}

	private static Path yataiFile() {
		try {
			Path file = dir.resolve(".yatai.yaml");
			Files.writeString(file, """
					contexts:
					- name: default
					  endpoint: %s
					  api_token: %s
					  email: demo@example.com
					current_context_name: default
					""".formatted(emulator.get().endpoint(), TOKEN));
			return file;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record ProcessResult(int exitCode, String output) {
	}

	private static ProcessResult childJvm(String... command) throws Exception {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), SampleApplication.class.getName(),
				"--logging.level.dev.bentocloud=DEBUG"));
		cmd.addAll(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("BENTO") || name.startsWith("bentocloud"));
		env.put("BENTO_CLOUD_API_KEY", TOKEN);
		env.put("BENTO_CLOUD_API_ENDPOINT", emulator.get().endpoint());
		env.put("HOME", dir.toString());
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM ends").isTrue();
		return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}
