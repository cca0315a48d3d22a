package dev.bentocloud.it;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter leaves an application's HTTP message converters alone: the packaged MVC app
 * with the starter ({@code weight/mvc-app-with-starter}), run as a user runs it, renders
 * its error document as JSON but not as YAML. With jackson-dataformat-yaml on the class
 * path (the client read {@code .yatai.yaml} with it before 0.1.0), Spring registers a
 * YAML converter and the app answers {@code Accept: application/yaml} with YAML.
 */
class StarterMessageConvertersIT {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	@TempDir
	Path home;

	@Test
	void anAppWithTheStarterHasNoYamlMessageConverter() throws Exception {
		Path dir = Path.of(System.getProperty("bentocloud.it.weight-dir", "weight"));
		Path jar = dir.resolve("mvc-app-with-starter/target/weight-mvc-app-with-starter.jar").toAbsolutePath();
		assertThat(jar).as("built by the reactor before this module").exists();
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString(), "--server.port=" + port);
		builder.environment().keySet().removeIf((name) -> name.startsWith("BENTO") || name.startsWith("SPRING_"));
		// No credentials file of this machine's user: the app starts without a token.
		builder.environment().put("HOME", this.home.toString());
		Process app = builder.redirectErrorStream(true).redirectOutput(this.home.resolve("app.log").toFile()).start();
		HttpClient http = HttpClient.newHttpClient();
		try {
			URI missing = URI.create("http://127.0.0.1:" + port + "/no-such-page");
			awaitStarted(http, missing, app);
			HttpResponse<String> json = get(http, missing, "application/json");
			assertThat(json.headers().firstValue("Content-Type")).as("the error document as JSON (the control)")
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			HttpResponse<String> yaml = get(http, missing, "application/yaml");
			assertThat(yaml.headers().firstValue("Content-Type").orElse(""))
				.as("the error document asked for as YAML (404, no body)")
				.doesNotContain("yaml");
			assertThat(yaml.statusCode()).isEqualTo(404);
			assertThat(yaml.body()).doesNotContain("/no-such-page");
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private static void awaitStarted(HttpClient http, URI uri, Process app) throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("the app is running").isTrue();
			try {
				get(http, uri, "application/json");
				return;
			}
			catch (ConnectException ex) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException("the app did not answer within " + STARTUP);
	}

	private static HttpResponse<String> get(HttpClient http, URI uri, String accept)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
