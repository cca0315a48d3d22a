package dev.bentocloud.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The emulator's fault rules: statuses, delays, malformed or truncated bodies and reset
 * connections.
 */
class FaultTests {

	private static final String CURRENT = "/api/v1/auth/current";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final Http http = Http.of(this.emulator);

	@Test
	void respondsWithStatusAndHeadersForTheGivenNumberOfTimes() {
		FaultRule rule = this.emulator.get()
			.faults()
			.on("GET", CURRENT)
			.times(2)
			.respond(503)
			.header("x-trace-id", "t-1");
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> response = this.http.get(CURRENT);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("x-trace-id")).hasValue("t-1");
			assertThat(Http.json(response).get("message").stringValue()).contains("503");
		}
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
		assertThat(rule.hits()).isEqualTo(2);
	}

	@Test
	void ruleWithoutTimesFiresForever() {
		this.emulator.get().faults().on("GET", "/api/v1/api_tokens").respond(429).header("Retry-After", "1");
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> response = this.http.get("/api/v1/api_tokens");
			assertThat(response.statusCode()).isEqualTo(429);
			assertThat(response.headers().firstValue("retry-after")).hasValue("1");
		}
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
	}

	@Test
	void rulesMatchInOrderAndExhaustedRulesFallThrough() {
		this.emulator.get().faults().on("GET", CURRENT).times(1).respond(500);
		this.emulator.get().faults().on("GET", CURRENT).times(2).respond(502);
		this.emulator.get().faults().on("*", "/api/*").respond(504);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(500);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(502);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(502);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(504);
		assertThat(this.http.post("/api/v1/api_tokens", "{}").statusCode()).isEqualTo(504);
		assertThat(this.emulator.get().faults().rules()).hasSize(3);
	}

	@Test
	void methodAndGlobRestrictTheMatch() {
		this.emulator.get().faults().on("POST", "/api/v2/*").respond(500);
		assertThat(this.http.get("/api/v2/deployments").statusCode()).isEqualTo(200);
		assertThat(this.http.post("/api/v2/deployments/x/terminate", "").statusCode()).isEqualTo(500);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
	}

	@Test
	void faultsApplyBeforeAuthentication() {
		this.emulator.get().faults().on("GET", CURRENT).respond(503);
		assertThat(this.http.withToken(null).get(CURRENT).statusCode()).isEqualTo(503);
	}

	@Test
	void clearRemovesAllRules() {
		this.emulator.get().faults().on("*", "*").respond(500);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(500);
		this.emulator.get().faults().clear();
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
		assertThat(this.emulator.get().faults().rules()).isEmpty();
	}

	@Test
	void malformedBody() {
		this.emulator.get().faults().on("GET", "/api/v1/current_org").body(200, "not json");
		HttpResponse<String> response = this.http.get("/api/v1/current_org");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("not json");
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
	}

	@Test
	void delayHoldsTheFirstByteThenAnswersNormally() throws Exception {
		this.emulator.get().faults().on("*", "/api/v2/*").times(1).delay(Duration.ofSeconds(3));
		HttpRequest impatient = HttpRequest
			.newBuilder(URI.create(this.emulator.get().endpoint() + "/api/v2/deployments"))
			.header("X-YATAI-API-TOKEN", this.emulator.get().apiToken())
			.timeout(Duration.ofMillis(300))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> Http.CLIENT.send(impatient, HttpResponse.BodyHandlers.ofString()));
		this.emulator.get().faults().clear();
		this.emulator.get().faults().on("GET", CURRENT).delay(Duration.ofMillis(200));
		long started = System.nanoTime();
		HttpResponse<String> response = this.http.get(CURRENT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void delayCombinesWithRespond() {
		this.emulator.get().faults().on("GET", CURRENT).delay(Duration.ofMillis(50)).respond(503);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(503);
	}

	@Test
	void truncatedBodyFailsTheClientAndTheNextRequestWorks() {
		this.emulator.get().faults().on("GET", CURRENT).times(1).truncatedBody();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> sendRaw(CURRENT));
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
	}

	@Test
	void resetConnectionFailsTheClientAndTheNextRequestWorks() {
		// Every time: java.net.http silently retries
		// a GET once when a pooled connection dies.
		this.emulator.get().faults().on("GET", CURRENT).resetConnection();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> sendRaw(CURRENT));
		this.emulator.get().faults().clear();
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
	}

	@Test
	void resetMidBodySendsHeadAndPartOfTheBodyThenResets() throws IOException {
		this.emulator.get().faults().on("GET", CURRENT).times(1).resetMidBody();
		try (Socket socket = new Socket("127.0.0.1", this.emulator.get().port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("GET " + CURRENT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-YATAI-API-TOKEN: "
						+ this.emulator.get().apiToken() + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			// An orderly close would end with read() == -1; a reset throws instead.
			assertThatExceptionOfType(SocketException.class).isThrownBy(() -> {
				byte[] buffer = new byte[1024];
				int n;
				while ((n = in.read(buffer)) != -1) {
					received.write(buffer, 0, n);
				}
			}).withMessageContaining("reset");
			String text = received.toString(StandardCharsets.ISO_8859_1);
			assertThat(text).startsWith("HTTP/1.1 200").contains("Content-Length:").contains("\"name\"");
			int promised = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
			assertThat(text.substring(text.indexOf("\r\n\r\n") + 4).length()).isLessThan(promised);
		}
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
	}

	@Test
	void probabilityFiresForAboutThatShareOfRequests() {
		FaultRule rule = this.emulator.get().faults().on("GET", CURRENT).probability(0.25).respond(503);
		int faulted = 0;
		for (int i = 0; i < 400; i++) {
			if (this.http.get(CURRENT).statusCode() == 503) {
				faulted++;
			}
		}
		assertThat(faulted).isEqualTo(rule.hits()).isBetween(50, 150);
		assertThat(this.emulator.get().faults().on("GET", CURRENT).probability(0.0).respond(500).hits()).isZero();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emulator.get().faults().on("GET", CURRENT).probability(1.5))
			.withMessageContaining("between 0 and 1");
	}

	@Test
	void openConnectionsCountsLiveClientSockets() throws Exception {
		assertThat(this.emulator.get().openConnections()).isZero();
		try (Socket socket = new Socket("127.0.0.1", this.emulator.get().port())) {
			awaitOpenConnections(1);
		}
		awaitOpenConnections(0);
	}

	private void awaitOpenConnections(int expected) throws InterruptedException {
		for (int i = 0; i < 100 && this.emulator.get().openConnections() != expected; i++) {
			Thread.sleep(20);
		}
		assertThat(this.emulator.get().openConnections()).isEqualTo(expected);
	}

	@Test
	void redirectAnswers302WithLocation() {
		this.emulator.get().faults().on("GET", CURRENT).redirect("http://localhost:1/x");
		HttpResponse<String> response = this.http.get(CURRENT);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("location")).hasValue("http://localhost:1/x");
	}

	@Test
	void faultedRequestsAreRecorded() {
		this.emulator.get().faults().on("GET", CURRENT).respond(500);
		this.http.get(CURRENT);
		assertThat(this.emulator.get().requestCount("GET", CURRENT)).isEqualTo(1);
		assertThat(this.emulator.get().requests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo(CURRENT);
			assertThat(request.header("X-YATAI-API-TOKEN")).isEqualTo(this.emulator.get().apiToken());
		});
	}

	@Test
	void invalidRulesAreRejectedWithClearMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.get().faults().on("GET", CURRENT).times(0))
			.withMessageContaining("times");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emulator.get().faults().on("GET", CURRENT).respond(42))
			.withMessageContaining("status");
	}

	@Test
	void ruleWithoutActionDoesNotMatch() {
		this.emulator.get().faults().on("GET", CURRENT).times(3);
		assertThat(this.http.get(CURRENT).statusCode()).isEqualTo(200);
	}

	private void sendRaw(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.emulator.get().endpoint() + path))
			.header("X-YATAI-API-TOKEN", this.emulator.get().apiToken())
			.timeout(Duration.ofSeconds(10))
			.build();
		Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
