package dev.bentocloud.sample.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 parallel requests against a slow and a failing BentoCloud: the sample shares
 * in-flight calls, caches answers briefly and bounds how many upstream calls run at once,
 * so a burst of callers does not become a burst of BentoCloud calls (before: 400 calls
 * for 200 {@code /whoami} against a slow upstream, 1,400 against a 502 one, retries
 * included).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureBentoCloudEmulator(seedDemoData = true)
class UpstreamLoadTests {

	private static final int CALLERS = 200;

	private static final String USER = "/api/v1/auth/current";

	private static final String ORG = "/api/v1/current_org";

	private static final String TOKENS = "/api/v1/api_tokens";

	private static final String DEPLOYMENTS = "/api/v2/deployments";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private BentoCloudEmulator emulator;

	@Autowired
	private UpstreamCalls upstreamCalls;

	@BeforeEach
	@AfterEach
	void reset() {
		this.emulator.faults().clear();
		this.emulator.clearRequests();
		this.upstreamCalls.clear();
	}

	@Test
	void slowUpstreamWhoami() {
		slow(USER, ORG);
		Map<Integer, Long> statuses = parallel("/whoami");
		report("slow", "/whoami", statuses, USER, ORG);
		assertThat(statuses).containsOnlyKeys(200);
		assertThat(calls(USER)).isBetween(1L, 2L);
		assertThat(calls(ORG)).isBetween(1L, 2L);
	}

	@Test
	void failingUpstreamWhoami() {
		failing(USER, ORG);
		Map<Integer, Long> statuses = parallel("/whoami");
		report("502", "/whoami", statuses, USER, ORG);
		assertThat(statuses).containsOnlyKeys(502);
		// one failed load is the first attempt and 3 retries; a
		// second load at most once the briefly cached error expires
		assertThat(calls(USER) + calls(ORG)).isBetween(1L, 16L);
	}

	@Test
	void slowUpstreamTokensAndDeployments() {
		slow(TOKENS, DEPLOYMENTS);
		Map<Integer, Long> tokens = parallel("/tokens");
		report("slow", "/tokens", tokens, TOKENS);
		Map<Integer, Long> deployments = parallel("/deployments");
		report("slow", "/deployments", deployments, DEPLOYMENTS);
		assertThat(tokens).containsOnlyKeys(200);
		assertThat(deployments).containsOnlyKeys(200);
		assertThat(calls(TOKENS)).isBetween(1L, 2L);
		assertThat(calls(DEPLOYMENTS)).isBetween(1L, 2L);
	}

	@Test
	void failingUpstreamTokensAndDeployments() {
		failing(TOKENS, DEPLOYMENTS);
		Map<Integer, Long> tokens = parallel("/tokens");
		report("502", "/tokens", tokens, TOKENS);
		Map<Integer, Long> deployments = parallel("/deployments");
		report("502", "/deployments", deployments, DEPLOYMENTS);
		assertThat(tokens).containsOnlyKeys(502);
		assertThat(deployments).containsOnlyKeys(502);
		assertThat(calls(TOKENS)).isBetween(1L, 8L);
		assertThat(calls(DEPLOYMENTS)).isBetween(1L, 8L);
	}

	@Test
	void distinctQueriesAreBoundedAndTheRestRejectedWithRetryAfter() {
		slow(TOKENS);
		List<HttpResponse<String>> responses = send(
				IntStream.range(0, CALLERS).mapToObj((i) -> "/tokens?search=s" + i).toList());
		Map<Integer, Long> statuses = count(responses);
		System.out.printf("[load] slow upstream, %d distinct /tokens?search=: statuses %s, upstream %s: %d%n", CALLERS,
				statuses, TOKENS, calls(TOKENS));
		assertThat(statuses).containsOnlyKeys(200, 503);
		assertThat(statuses.get(200)).isEqualTo(calls(TOKENS));
		// 8 at once, each 1.5s: the callers arriving
		// while 8 loads are in flight are turned away
		assertThat(statuses.get(503)).isPositive();
		assertThat(calls(TOKENS)).isLessThan(CALLERS / 4);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 503).allSatisfy((response) -> {
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(response.body()).contains("BentoCloud calls at once");
		});
	}

	private void slow(String... paths) {
		for (String path : paths) {
			this.emulator.faults().on("GET", path).delay(Duration.ofMillis(1500));
		}
	}

	private void failing(String... paths) {
		for (String path : paths) {
			this.emulator.faults().on("GET", path).respond(502);
		}
	}

	private long calls(String path) {
		return this.emulator.requestCount("GET", path);
	}

	private void report(String upstream, String path, Map<Integer, Long> statuses, String... upstreamPaths) {
		String counts = List.of(upstreamPaths)
			.stream()
			.map((p) -> p + ": " + calls(p))
			.collect(Collectors.joining(", "));
		System.out.printf("[load] %s upstream, %d parallel %s: statuses %s, upstream calls %s%n", upstream, CALLERS,
				path, statuses, counts);
	}

	private Map<Integer, Long> parallel(String path) {
		return count(send(IntStream.range(0, CALLERS).mapToObj((i) -> path).toList()));
	}

	private List<HttpResponse<String>> send(List<String> paths) {
		List<CompletableFuture<HttpResponse<String>>> futures = paths.stream()
			.map((path) -> HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();
		return futures.stream().map(CompletableFuture::join).toList();
	}

	private static Map<Integer, Long> count(List<HttpResponse<String>> responses) {
		return responses.stream()
			.collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()))
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
	}

}
