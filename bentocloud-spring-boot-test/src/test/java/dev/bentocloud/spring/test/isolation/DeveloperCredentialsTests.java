package dev.bentocloud.spring.test.isolation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A developer's machine: {@code BENTO_CLOUD_API_KEY}/{@code BENTO_CLOUD_API_ENDPOINT} in
 * the environment and a {@code ~/bentoml/.yatai.yaml}, both pointing at a loopback server
 * that counts what reaches it. Each test runs a scenario test class in a child JVM with
 * that environment. With {@code @AutoConfigureBentoCloudEmulator} the counting server
 * must see nothing; the controls (no annotation) show that the same set-up does reach it.
 */
class DeveloperCredentialsTests {

	private static final String ENV_TOKEN = "env-SECRET-developer";

	private static final String FILE_TOKEN = "file-SECRET-developer";

	private static final String VAULT_TOKEN = "vault-SECRET-developer";

	@TempDir
	Path dir;

	private HttpServer developersCloud;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private Path home;

	private final Map<String, String> environment = new LinkedHashMap<>();

	@BeforeEach
	void setUp() throws IOException {
		this.developersCloud = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.developersCloud.createContext("/", (exchange) -> {
			this.received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " token="
					+ exchange.getRequestHeaders().getFirst("X-YATAI-API-TOKEN"));
			byte[] body = "{\"error\":\"Bad credentials\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(401, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.developersCloud.start();
		this.home = Files.createDirectories(this.dir.resolve("home"));
		this.environment.put("HOME", this.home.toString());
		this.environment.put("LANG", "C.UTF-8");
	}

	@AfterEach
	void stop() {
		this.developersCloud.stop(0);
	}

	@Test
	void withTheAnnotationNeitherTheEnvironmentNorTheFileIsContacted() throws Exception {
		developerEnvironment();
		developerFileWithOneContext();
		Child child = run(EmulatorScenario.class);
		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(child.output()).contains("SCENARIO found=1 succeeded=1 failed=0");
		assertThat(this.received).isEmpty();
		assertThat(child.output()).doesNotContain("SECRET");
		// The emulator's connection details replace
		// the properties': no "no token" warning.
		assertThat(child.output()).doesNotContain("No BentoCloud API token");
	}

	@Test
	void withTheAnnotationABrokenCredentialsFileCannotStopTheTest() throws Exception {
		// No BENTO_CLOUD_API_KEY: otherwise the
		// broken file would only be a warning anyway.
		developerFile("contexts: [ this is: not: valid");
		Child child = run(EmulatorScenario.class);
		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(this.received).isEmpty();
	}

	@Test
	void controlWithoutTheAnnotationABrokenCredentialsFileStopsStartup() throws Exception {
		developerFile("contexts: [ this is: not: valid");
		Child child = run(PlainScenario.class);
		assertThat(child.exitCode()).as(child.output()).isNotZero();
		assertThat(child.output()).contains(".yatai.yaml");
	}

	@Test
	void controlWithoutTheAnnotationTheEnvironmentIsUsed() throws Exception {
		developerEnvironment();
		Child child = run(PlainScenario.class);
		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(this.received).isNotEmpty().allMatch((request) -> request.endsWith("token=" + ENV_TOKEN));
	}

	@Test
	void controlWithoutTheAnnotationTheFileIsUsed() throws Exception {
		developerFileWithOneContext();
		Child child = run(PlainScenario.class);
		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(this.received).isNotEmpty().allMatch((request) -> request.endsWith("token=" + FILE_TOKEN));
	}

	@Test
	void withTheAnnotationTheApplicationsOwnCredentialsAndBentomlsChainReachOnlyTheEmulator() throws Exception {
		developerEnvironment();
		developerFileWithOneContext();
		secretsManager();
		Child child = run(OwnCredentialsScenario.class);
		assertThat(this.received).as(child.output()).isEmpty();
		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(child.output()).contains("SCENARIO found=1 succeeded=1 failed=0");
		assertThat(child.output()).doesNotContain("SECRET");
	}

	@Test
	void controlWithoutTheAnnotationTheApplicationsOwnCredentialsAndBentomlsChainAreUsed() throws Exception {
		developerEnvironment();
		secretsManager();
		Child child = run(OwnCredentialsPlainScenario.class);
		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(this.received).anyMatch((request) -> request.endsWith("token=" + VAULT_TOKEN))
			.anyMatch((request) -> request.endsWith("token=" + ENV_TOKEN));
	}

	/**
	 * The application's own connection details, "from a secrets manager": the developer's
	 * account too.
	 */
	private void secretsManager() {
		this.environment.put("VAULT_BENTOCLOUD_ENDPOINT", developersCloudUrl());
		this.environment.put("VAULT_BENTOCLOUD_TOKEN", VAULT_TOKEN);
	}

	/** The developer's credentials file: one context, on the counting server. */
	private void developerFileWithOneContext() throws IOException {
		developerFile("""
				contexts:
				- api_token: %s
				  email: dev@example.com
				  endpoint: %s
				  name: default
				current_context_name: default
				""".formatted(FILE_TOKEN, developersCloudUrl()));
	}

	private String developersCloudUrl() {
		return "http://127.0.0.1:" + this.developersCloud.getAddress().getPort();
	}

	private void developerEnvironment() {
		this.environment.put("BENTO_CLOUD_API_KEY", ENV_TOKEN);
		this.environment.put("BENTO_CLOUD_API_ENDPOINT", developersCloudUrl());
	}

	private void developerFile(String yaml) throws IOException {
		Path file = Files.createDirectories(this.home.resolve("bentoml")).resolve(".yatai.yaml");
		Files.writeString(file, yaml);
	}

	private Child run(Class<?> scenario) throws IOException, InterruptedException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfile.encoding=UTF-8",
						"-Duser.home=" + this.home, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
						ScenarioRunner.class.getName(), scenario.getName()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
		return new Child(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Child(int exitCode, String output) {

	}

}
