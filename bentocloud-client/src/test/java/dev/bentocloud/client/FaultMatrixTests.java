package dev.bentocloud.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.emulator.FaultRule;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every injected fault against the real client over real HTTP, for an idempotent GET and
 * for the never-retried token create: the exception type and message, how many requests
 * reached the emulator, that the token is in no message, and that the call ends within
 * its time budget (a {@code block(Duration)} bound, not a speed assertion).
 */
class FaultMatrixTests {

	private static final String USER = "/api/v1/auth/current";

	private static final String TOKENS = "/api/v1/api_tokens";

	private static final int MAX_RETRIES = 2;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(800);

	/**
	 * Every attempt may take the whole response timeout, plus backoffs capped at 100 ms.
	 */
	private static final Duration BOUND = RESPONSE_TIMEOUT.multipliedBy(MAX_RETRIES + 1).plusSeconds(5);

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private static BentoCloudClient client;

	@BeforeAll
	static void start() {
		client = BentoCloudClient.builder()
			.endpoint(emulator.get().endpoint())
			.apiToken(emulator.get().apiToken())
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(RESPONSE_TIMEOUT)
			// Room for every attempt: the default (twice the response timeout) is what a
			// cold JVM on a loaded machine can miss, and it is not what these faults
			// test.
			.callTimeout(BOUND.minusSeconds(2))
			.retry(MAX_RETRIES, Duration.ofMillis(10), Duration.ofMillis(100))
			.build();
	}

	@AfterEach
	void clear() {
		emulator.get().faults().clear();
		emulator.get().clearRequests();
	}

	/**
	 * @param name what the fault is
	 * @param rule sets the fault's action on a rule
	 * @param type the exception the caller sees
	 * @param retried whether a GET is retried (then {@code 1 + MAX_RETRIES} requests)
	 * @param fragments what the message must contain
	 */
	record Fault(String name, UnaryOperator<FaultRule> rule, Class<? extends BentoCloudException> type, boolean retried,
			String... fragments) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Fault> faults() {
		return Stream.of(
				new Fault("500 with x-trace-id", (r) -> r.respond(500).header("x-trace-id", "trace-500"),
						BentoCloudApiException.class, false, "status 500", "trace ID trace-500"),
				new Fault("500 without x-trace-id", (r) -> r.respond(500), BentoCloudApiException.class, false,
						"status 500", "Injected fault"),
				new Fault("502 with x-trace-id", (r) -> r.respond(502).header("x-trace-id", "trace-502"),
						BentoCloudApiException.class, true, "status 502", "trace ID trace-502"),
				new Fault("502 without x-trace-id", (r) -> r.respond(502), BentoCloudApiException.class, true,
						"status 502"),
				new Fault("503 with x-trace-id", (r) -> r.respond(503).header("x-trace-id", "trace-503"),
						BentoCloudApiException.class, true, "status 503", "trace ID trace-503"),
				new Fault("503 without x-trace-id", (r) -> r.respond(503), BentoCloudApiException.class, true,
						"status 503"),
				new Fault("504 with x-trace-id", (r) -> r.respond(504).header("x-trace-id", "trace-504"),
						BentoCloudApiException.class, true, "status 504", "trace ID trace-504"),
				new Fault("504 without x-trace-id", (r) -> r.respond(504), BentoCloudApiException.class, true,
						"status 504"),
				new Fault("429 with Retry-After", (r) -> r.respond(429).header("Retry-After", "1"),
						BentoCloudApiException.class, true, "status 429"),
				new Fault("401", (r) -> r.respond(401), BentoCloudUnauthenticatedException.class, false, "401",
						"bentoml cloud login"),
				new Fault("reset before any response", FaultRule::resetConnection, BentoCloudTransportException.class,
						false, "Could not get a response", "before the response was complete"),
				new Fault("reset mid-body", FaultRule::resetMidBody, BentoCloudTransportException.class, false,
						"Could not get a response", "connection reset before the response was complete"),
				new Fault("truncated body, then close", FaultRule::truncatedBody, BentoCloudTransportException.class,
						false, "Could not get a response", "connection closed before the response was complete"),
				new Fault("slow first byte beyond the timeout", (r) -> r.delay(RESPONSE_TIMEOUT.plusSeconds(2)),
						BentoCloudTransportException.class, false, "timed out"),
				new Fault("200 with a non-JSON body", (r) -> r.body(200, "<html>maintenance</html>"),
						BentoCloudMalformedResponseException.class, false, "Malformed response"),
				new Fault("200 with truncated JSON", (r) -> r.body(200, "{\"name\": \"demo\", \"ema"),
						BentoCloudMalformedResponseException.class, false, "Malformed response"),
				new Fault("302 to another host",
						(r) -> r.redirect("http://localhost:" + emulator.get().port() + "/elsewhere"),
						BentoCloudApiException.class, false, "status 302"));
	}

	static Stream<Arguments> getAndCreate() {
		List<Arguments> arguments = new ArrayList<>();
		faults().forEach((fault) -> {
			arguments.add(Arguments.of(fault, "GET"));
			arguments.add(Arguments.of(fault, "POST"));
		});
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("getAndCreate")
	void faultIsMappedBoundedAndTokenFree(Fault fault, String method) {
		String path = method.equals("GET") ? USER : TOKENS;
		fault.rule().apply(emulator.get().faults().on(method, path));
		Mono<?> call = method.equals("GET") ? client.currentUser()
				: client.apiTokens().create(CreateApiTokenRequest.named("matrix"));

		Throwable thrown = catchThrowable(() -> call.block(BOUND));

		assertThat(thrown).as("the call ends within %s with a mapped exception", BOUND)
			.isInstanceOf(fault.type())
			.hasMessageContaining(method + " " + path);
		for (String fragment : fault.fragments()) {
			assertThat(thrown.getMessage()).contains(fragment);
		}
		assertTokenNowhere(thrown);
		int expected = (method.equals("GET") && fault.retried()) ? 1 + MAX_RETRIES : 1;
		assertThat(emulator.get().requestCount(method, path)).as("requests sent").isEqualTo(expected);
		assertThat(emulator.get().requestCount("*", "/elsewhere")).as("redirects are not followed").isZero();
		System.out.printf("%-36s %-4s -> %s (%d request%s): %s%n", fault.name(), method,
				thrown.getClass().getSimpleName(), expected, (expected == 1) ? "" : "s", thrown.getMessage());

		// The client recovers: a poisoned pooled connection must not fail the next call.
		emulator.get().faults().clear();
		assertThat(client.currentUser().block(BOUND).name()).isEqualTo("demo");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void transientFaultThenSuccessIsInvisibleToTheCallerOnlyWhenRetryable(Fault fault) {
		fault.rule().apply(emulator.get().faults().on("GET", USER).times(1));
		Throwable thrown = catchThrowable(() -> client.currentUser().block(BOUND));
		if (fault.retried()) {
			assertThat(thrown).isNull();
			assertThat(emulator.get().requestCount("GET", USER)).isEqualTo(2);
		}
		else {
			assertThat(thrown).isInstanceOf(fault.type());
			assertThat(emulator.get().requestCount("GET", USER)).isEqualTo(1);
		}
	}

	@Test
	void tokenEchoedByTheServerIsMaskedInMessageAndExcerpt() {
		String token = emulator.get().apiToken();
		emulator.get()
			.faults()
			.on("GET", USER)
			.respond(500)
			.header("x-trace-id", "trace-" + token)
			.body(500, "{\"message\":\"bad token " + token + "\"}");
		Throwable thrown = catchThrowable(() -> client.currentUser().block(BOUND));
		assertThat(thrown).isInstanceOf(BentoCloudApiException.class).hasMessageContaining("******");
		assertTokenNowhere(thrown);
		assertThat(((BentoCloudApiException) thrown).getBodyExcerpt()).doesNotContain(token);
		assertThat(((BentoCloudApiException) thrown).getTraceId()).isEqualTo("trace-******");
	}

	private static void assertTokenNowhere(Throwable thrown) {
		String token = emulator.get().apiToken();
		for (Throwable t = thrown; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(token);
			assertThat(t.toString()).doesNotContain(token);
		}
	}

}
