package dev.bentocloud.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.EnvVar;
import dev.bentocloud.client.model.Scaling;
import dev.bentocloud.client.model.SecretContent;
import dev.bentocloud.client.model.SecretItem;
import dev.bentocloud.client.model.ServiceConfig;
import dev.bentocloud.client.model.UpdateSecretRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each client operation against a small recording HTTP server and compares what
 * arrived on the socket with {@code src/test/resources/wire/<operation>.json}: the
 * requests BentoML's Python client sends for it, written from the contract (not from this
 * client, nor the emulator). A file may list {@code java_client_deviations} (query values
 * the Java client sends differently on purpose) and {@code java_client_omits} (contract
 * requests it does not need to send), each with the reason; everything else must match:
 * method, raw path, the query parameters (order-insensitive, no extra ones), the headers
 * listed ({@code null} = absent) and the JSON body, structurally, nulls included.
 */
class WireContractTests {

	private static final Path WIRE = Paths.get("src/test/resources/wire");

	private static final String TOKEN = "wire-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecretContent CONTENT = SecretContent.env(List.of(SecretItem.of("K", "V")));

	/**
	 * How each operation of the wire files is called; every file needs one, and every
	 * entry a file.
	 */
	private static final Map<String, Consumer<BlockingBentoCloudClient>> CALLS = calls();

	private HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<byte[]> replies = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::record);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private static Map<String, Consumer<BlockingBentoCloudClient>> calls() {
		Map<String, Consumer<BlockingBentoCloudClient>> calls = new LinkedHashMap<>();
		calls.put("current-user", BlockingBentoCloudClient::currentUser);
		calls.put("current-organization", BlockingBentoCloudClient::currentOrganization);
		calls.put("api-token-list", (c) -> c.apiTokens().list());
		calls.put("api-token-search", (c) -> c.apiTokens().list("ci"));
		calls.put("api-token-create-minimal", (c) -> c.apiTokens().create(CreateApiTokenRequest.named("ci")));
		calls.put("api-token-create-full",
				(c) -> c.apiTokens()
					.create(CreateApiTokenRequest.named("ci")
						.withDescription("d")
						.withScopes(ApiTokenScope.API, ApiTokenScope.READ_CLUSTER)
						.withExpiry(Instant.parse("2026-06-01T12:30:00Z"))));
		calls.put("api-token-get", (c) -> c.apiTokens().get("tok-1"));
		calls.put("api-token-delete", (c) -> c.apiTokens().delete("tok-1"));
		calls.put("deployment-list", (c) -> c.deployments().list());
		calls.put("deployment-list-cluster",
				(c) -> c.deployments().list(DeploymentQuery.all().withSearch("iris").withCluster("eu-west")));
		calls.put("deployment-get", (c) -> c.deployments().get("my-dep"));
		calls.put("deployment-create-minimal",
				(c) -> c.deployments().create(DeploymentConfig.empty().withBento("iris:abc123")));
		calls.put("deployment-create-service", (c) -> c.deployments()
			.create(DeploymentConfig.of("my-dep", "iris:abc123")
				.withCluster("eu-west")
				.withAccessAuthorization(true)
				.withEnvs(List.of(EnvVar.of("A", "1")))
				.withService("IrisClassifier",
						new ServiceConfig("cpu.2", Scaling.of(1, 3), null, "RollingUpdate", null, null, null))));
		calls.put("deployment-update",
				(c) -> c.deployments()
					.update(DeploymentConfig.empty()
						.withName("my-dep")
						.withService("IrisClassifier", ServiceConfig.of(null, Scaling.of(null, 5)))));
		calls.put("deployment-void-update", (c) -> c.deployments().voidUpdate("my-dep"));
		calls.put("deployment-terminate", (c) -> c.deployments().terminate("my-dep", "eu-west"));
		calls.put("deployment-delete", (c) -> c.deployments().delete("my-dep"));
		calls.put("instance-types", (c) -> c.instanceTypes());
		calls.put("secret-list", (c) -> c.secrets().list());
		calls.put("secret-create", (c) -> c.secrets().create(CreateSecretRequest.of("s", CONTENT)));
		calls.put("secret-create-cluster", (c) -> c.secrets()
			.create(CreateSecretRequest.of("s", CONTENT).withDescription("d").withCluster("eu-west")));
		calls.put("secret-get", (c) -> c.secrets().get("s", "eu-west"));
		calls.put("secret-update",
				(c) -> c.secrets().update(UpdateSecretRequest.of("s", CONTENT).withDescription("d")));
		calls.put("secret-delete", (c) -> c.secrets().delete("s"));
		calls.put("cluster-list", (c) -> c.clusters().list());
		calls.put("cluster-get", (c) -> c.clusters().get("default"));
		return Collections.unmodifiableMap(calls);
	}

	static Stream<String> operations() throws IOException {
		try (Stream<Path> files = Files.list(WIRE)) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.map((file) -> file.getFileName().toString().replaceFirst("\\.json$", ""))
				.sorted()
				.toList()
				.stream();
		}
	}

	@Test
	void everyOperationHasAWireFileAndEveryFileAnOperation() throws IOException {
		assertThat(new TreeSet<>(operations().toList())).isEqualTo(new TreeSet<>(CALLS.keySet()));
	}

	@ParameterizedTest
	@MethodSource("operations")
	void requestsMatchTheContract(String operation) throws IOException {
		JsonNode file = JSON.readTree(WIRE.resolve(operation + ".json").toFile());
		assertThat(file.path("operation").asString()).isEqualTo(operation);
		List<JsonNode> expected = expectedRequests(file);
		for (JsonNode exchange : file.get("exchanges")) {
			this.replies.add(response(exchange.get("response").asString()));
		}
		BlockingBentoCloudClient client = BentoCloudClient.builder()
			.endpoint("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiToken(TOKEN)
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(5))
			.retry(0, Duration.ofMillis(10), Duration.ofMillis(10))
			.build()
			.blocking();
		CALLS.get(operation).accept(client);

		assertThat(this.received).as("requests of %s", operation).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertMatches(operation + " request " + i, expected.get(i), this.received.get(i));
		}
	}

	/**
	 * The contract's requests, minus the ones the Java client omits, with its deviations
	 * applied.
	 */
	private static List<JsonNode> expectedRequests(JsonNode file) {
		List<JsonNode> requests = new ArrayList<>();
		for (JsonNode exchange : file.get("exchanges")) {
			requests.add(exchange.get("request").deepCopy());
		}
		for (JsonNode deviation : file.path("java_client_deviations")) {
			assertThat(deviation.path("why").asString("")).as("deviations say why").isNotBlank();
			ObjectNode query = (ObjectNode) requests.get(deviation.get("exchange").asInt()).get("query");
			deviation.get("query").properties().forEach((entry) -> query.set(entry.getKey(), entry.getValue()));
		}
		List<Integer> omitted = new ArrayList<>();
		for (JsonNode omit : file.path("java_client_omits")) {
			assertThat(omit.path("why").asString("")).as("omissions say why").isNotBlank();
			omitted.add(omit.get("exchange").asInt());
		}
		omitted.sort(Collections.reverseOrder());
		omitted.forEach((index) -> requests.remove((int) index));
		return requests;
	}

	private static void assertMatches(String what, JsonNode expected, Received actual) {
		assertThat(actual.method()).as(what + " method").isEqualTo(expected.get("method").asString());
		assertThat(actual.path()).as(what + " path").isEqualTo(expected.get("path").asString());
		Map<String, String> query = new TreeMap<>();
		expected.get("query").properties().forEach((entry) -> query.put(entry.getKey(), entry.getValue().asString()));
		assertThat(actual.query()).as(what + " query (received ?%s)", actual.rawQuery()).isEqualTo(query);
		expected.get("headers").properties().forEach((entry) -> {
			String value = actual.headers().get(entry.getKey().toLowerCase(java.util.Locale.ROOT));
			if (entry.getValue().isNull()) {
				assertThat(value).as(what + " header " + entry.getKey()).isNull();
			}
			else {
				assertThat(value).as(what + " header " + entry.getKey()).isEqualTo(entry.getValue().asString());
			}
		});
		JsonNode body = expected.get("body");
		if (body == null || body.isNull()) {
			assertThat(actual.body()).as(what + " body").isEmpty();
		}
		else {
			assertThat(JSON.readTree(actual.body())).as(what + " body (received %s)", actual.body()).isEqualTo(body);
		}
	}

	private static byte[] response(String reference) throws IOException {
		assertThat(reference).startsWith("@");
		return Files.readAllBytes(WIRE.resolve("responses").resolve(reference.substring(1) + ".json"));
	}

	private void record(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
						String.join(",", values)));
			String rawQuery = exchange.getRequestURI().getRawQuery();
			int index = this.received.size();
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), rawQuery,
					query(rawQuery), headers, body));
			byte[] reply = (index < this.replies.size()) ? this.replies.get(index)
					: "{\"message\":\"no canned reply\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders((index < this.replies.size()) ? 200 : 500, reply.length);
			exchange.getResponseBody().write(reply);
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

	/**
	 * Decoded query parameters; a repeated name fails the comparison by showing all its
	 * values.
	 */
	private static Map<String, String> query(String rawQuery) {
		Map<String, String> params = new TreeMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq >= 0) ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
			String value = (eq >= 0) ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
			params.merge(name, value, (a, b) -> a + "|" + b);
		}
		return params;
	}

	private record Received(String method, String path, String rawQuery, Map<String, String> query,
			Map<String, String> headers, String body) {
	}

}
