package dev.bentocloud.client;

import java.net.ServerSocket;
import java.time.Duration;

import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the management client turns HTTP errors and malformed answers into its exceptions,
 * against the emulator.
 */
class ErrorMappingTests {

	private static final String USER = "/api/v1/auth/current";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private BlockingBentoCloudClient client;

	@BeforeEach
	void start() {
		this.client = EmulatorSupport.client(this.emulator.get()).blocking();
	}

	@Test
	void unauthenticatedSaysHowToFix() {
		BlockingBentoCloudClient wrong = EmulatorSupport.clientBuilder(this.emulator.get())
			.apiToken("wrong-token-xyz")
			.build()
			.blocking();
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class).isThrownBy(wrong::currentUser)
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(401);
				assertThat(ex.getMessage()).contains("bentoml cloud login", "BENTO_CLOUD_API_KEY",
						"BentoCloudClientBuilder.apiToken(...)", "GET /api/v1/auth/current", "Bad credentials");
				assertThat(ex.getMessage()).doesNotContain("bentocloud.api-token");
				assertThat(ex.getMessage()).doesNotContain("wrong-token-xyz");
			});
	}

	@Test
	void revokedTokenIsUnauthenticated() {
		this.emulator.get().revokeToken(this.emulator.get().apiToken());
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(this.client::currentOrganization);
	}

	@Test
	void missingTokenFailsEachCallWithoutARequest() {
		BlockingBentoCloudClient none = EmulatorSupport.clientBuilder(this.emulator.get())
			.apiToken(null)
			.build()
			.blocking();
		this.emulator.get().clearRequests();
		assertThatExceptionOfType(BentoCloudCredentialsException.class).isThrownBy(none::currentUser)
			.withMessage("No BentoCloud API token is configured. Run `bentoml cloud login` (writes "
					+ "~/bentoml/.yatai.yaml), or set the environment variable BENTO_CLOUD_API_KEY (with "
					+ "BENTO_CLOUD_API_ENDPOINT for your organization's endpoint), or pass one to "
					+ "BentoCloudClientBuilder.apiToken(...) (with endpoint(...)).");
		assertThat(this.emulator.get().requests()).isEmpty();
	}

	@Test
	void notFound() {
		this.emulator.get().faults().on("GET", USER).respond(404);
		assertThatExceptionOfType(BentoCloudNotFoundException.class).isThrownBy(this.client::currentUser)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void badRequestWithRecordNotFoundIsNotFoundOtherwiseApiError() {
		this.emulator.get().faults().on("GET", USER).times(1).body(400, "{\"message\":\"record not found\"}");
		assertThatExceptionOfType(BentoCloudNotFoundException.class).isThrownBy(this.client::currentUser);
		this.emulator.get().faults().on("GET", USER).times(1).body(400, "{\"message\":\"bad input\"}");
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(this.client::currentUser)
			.isNotInstanceOf(BentoCloudNotFoundException.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("400", "bad input"));
	}

	@Test
	void serverErrorWithTraceIdKeepsRealStatus() {
		this.emulator.get().faults().on("GET", USER).respond(500).header("x-trace-id", "trace-42");
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(this.client::currentUser).satisfies((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(500);
			assertThat(ex.getTraceId()).isEqualTo("trace-42");
			assertThat(ex.getMessage()).contains("trace ID trace-42", "https://bentoml.com/support");
		});
	}

	@Test
	void serverErrorWithoutTraceIdHasBodyExcerpt() {
		this.emulator.get().faults().on("GET", USER).body(500, "x".repeat(2000));
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(this.client::currentUser).satisfies((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(500);
			assertThat(ex.getTraceId()).isNull();
			assertThat(ex.getBodyExcerpt()).hasSize(HttpErrors.MAX_EXCERPT + 3);
			assertThat(ex.getMessage()).contains("GET /api/v1/auth/current failed with status 500");
		});
	}

	@Test
	void serviceUnavailableKeeps503AfterRetries() {
		this.emulator.get().faults().on("GET", USER).respond(503);
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(this.client::currentUser)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(4);
	}

	@Test
	void unexpectedSuccessStatusIsAnError() {
		this.emulator.get().faults().on("GET", USER).body(201, "{}");
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(this.client::currentUser)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(201));
	}

	@Test
	void nonJsonBodyIsMalformedResponse() {
		this.emulator.get().faults().on("GET", "/api/v1/current_org").body(200, "not json");
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class)
			.isThrownBy(this.client::currentOrganization)
			.withMessageContaining("GET /api/v1/current_org");
	}

	@Test
	void missingRequiredFieldIsMalformedResponse() {
		this.emulator.get().faults().on("GET", USER).body(200, "{\"email\":\"x@y\"}");
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class).isThrownBy(this.client::currentUser)
			.withMessageContaining("GET /api/v1/auth/current")
			.withMessageContaining("name");
	}

	@Test
	void unknownFieldsAreIgnored() {
		this.emulator.get()
			.faults()
			.on("GET", USER)
			.body(200,
					"{\"name\":\"n\",\"email\":\"e\",\"first_name\":\"f\",\"last_name\":\"l\",\"brand_new\":{\"a\":[1]}}");
		assertThat(this.client.currentUser().name()).isEqualTo("n");
	}

	@Test
	void truncatedBodyIsTransportError() {
		this.emulator.get().faults().on("GET", USER).truncatedBody();
		BlockingBentoCloudClient impatient = EmulatorSupport.clientBuilder(this.emulator.get())
			.responseTimeout(Duration.ofSeconds(1))
			.build()
			.blocking();
		assertThatExceptionOfType(BentoCloudTransportException.class).isThrownBy(impatient::currentUser)
			.satisfies((ex) -> System.out.println("Truncated body: " + ex.getMessage()));
	}

	@Test
	void connectionResetIsTransportError() {
		this.emulator.get().faults().on("GET", USER).resetConnection();
		assertThatExceptionOfType(BentoCloudTransportException.class).isThrownBy(this.client::currentUser)
			.withMessageContaining("GET /api/v1/auth/current");
	}

	@Test
	void connectionRefusedIsTransportErrorAfterRetries() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		BlockingBentoCloudClient closed = EmulatorSupport.clientBuilder(this.emulator.get())
			.endpoint("http://127.0.0.1:" + port)
			.build()
			.blocking();
		assertThatExceptionOfType(BentoCloudTransportException.class).isThrownBy(closed::currentUser)
			.satisfies((ex) -> assertThat(ex.isConnectFailure()).isTrue())
			.withMessageContaining("connection refused");
	}

	@Test
	void slowResponseTimesOut() {
		this.emulator.get().faults().on("GET", USER).delay(Duration.ofSeconds(3));
		BlockingBentoCloudClient impatient = EmulatorSupport.clientBuilder(this.emulator.get())
			.responseTimeout(Duration.ofMillis(300))
			.build()
			.blocking();
		long start = System.nanoTime();
		assertThatExceptionOfType(BentoCloudTransportException.class).isThrownBy(impatient::currentUser)
			.withMessageContaining("timed out");
		System.out.println("Timed out after " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);
	}

	@Test
	void redirectIsNotFollowed() {
		this.emulator.get()
			.faults()
			.on("GET", USER)
			.redirect("http://localhost:" + this.emulator.get().port() + "/elsewhere");
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(this.client::currentUser)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(302));
		assertThat(this.emulator.get().requestCount("GET", "/elsewhere")).isZero();
	}

	@Test
	void createFailureIsNeverRetried() {
		this.emulator.get().faults().on("POST", "/api/v1/api_tokens").respond(503);
		assertThatExceptionOfType(BentoCloudApiException.class)
			.isThrownBy(() -> this.client.apiTokens().create(CreateApiTokenRequest.named("once")));
		assertThat(this.emulator.get().requestCount("POST", "/api/v1/api_tokens")).isEqualTo(1);
	}

}
