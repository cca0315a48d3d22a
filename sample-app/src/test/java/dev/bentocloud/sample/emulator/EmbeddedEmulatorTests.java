package dev.bentocloud.sample.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.sample.SampleApplication;
import dev.bentocloud.sample.cli.SampleCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero set-up switch: when the sample starts an emulator, how it says so, how CLI
 * runs share the web app's emulator, and how to turn it off.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedEmulatorTests {

	private static final String DEMO_TOKEN = EmbeddedEmulatorEnvironmentPostProcessor.DEFAULT_DEMO_TOKEN;

	@Test
	void webAppStartsTheEmulatorOnTheConfiguredPortSaysSoAndClosesIt(CapturedOutput output) throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = web("--sample.emulator.port=" + port)) {
			String endpoint = "http://127.0.0.1:" + port;
			assertThat(context.getEnvironment().getProperty("bentocloud.endpoint")).isEqualTo(endpoint);
			assertThat(context.getBean(BentoCloudEmulator.class).endpoint()).isEqualTo(endpoint);
			assertThat(output.getAll()).contains("Using the embedded BentoCloud emulator at " + endpoint
					+ " \u2014 set sample.emulator.enabled=false or use profile `bentocloud` for a real account");
			assertThat(isListening(port)).isTrue();
		}
		assertThat(isListening(port)).isFalse();
		assertThat(output.getAll()).doesNotContain(DEMO_TOKEN);
	}

	@Test
	void cliRunsUseTheWebAppsEmulator() {
		int port = freePort();
		try (ConfigurableApplicationContext context = web("--sample.emulator.port=" + port)) {
			String out = cli("--sample.emulator.port=" + port, "api-token", "create", "made-by-cli", "-o", "json");
			assertThat(out).contains("\"made-by-cli\"");
			String serverPort = context.getEnvironment().getProperty("local.server.port");
			WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + serverPort)
				.build()
				.get()
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
	void disabledByProperty() {
		try (ConfigurableApplicationContext context = nonWeb("--sample.emulator.enabled=false")) {
			assertNoEmulator(context);
		}
	}

	@Test
	void disabledByTheBentocloudProfile() {
		try (ConfigurableApplicationContext context = nonWeb("--spring.profiles.active=bentocloud")) {
			assertNoEmulator(context);
		}
	}

	private static void assertNoEmulator(ConfigurableApplicationContext context) {
		assertThat(context.getEnvironment()
			.getPropertySources()
			.contains(EmbeddedEmulatorEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(context.getBeansOfType(BentoCloudEmulator.class)).isEmpty();
		assertThat(context.getEnvironment().getProperty("bentocloud.api-token")).isNotEqualTo(DEMO_TOKEN);
	}

	private static ConfigurableApplicationContext web(String... args) {
		return new SpringApplicationBuilder(SampleApplication.class).run(concat("--server.port=0", args));
	}

	private static ConfigurableApplicationContext nonWeb(String... args) {
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE).run(args);
	}

	private static String cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = SampleCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	private static String[] concat(String first, String... rest) {
		List<String> all = new java.util.ArrayList<>(List.of(first));
		all.addAll(List.of(rest));
		return all.toArray(String[]::new);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
