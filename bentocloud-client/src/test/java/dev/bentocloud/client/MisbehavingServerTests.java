package dev.bentocloud.client;

import java.time.Duration;
import java.util.List;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A BentoCloud that misbehaves must never hang, exhaust or fool the client: lists that
 * never end, bodies that drip, pages that are not JSON, escape codes in error bodies.
 * Bounds are generous {@code block(Duration)} limits, not speed assertions.
 */
class MisbehavingServerTests {

	private static final String USER = "/api/v1/auth/current";

	private static final String TOKENS = "/api/v1/api_tokens";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private BentoCloudClientBuilder builder() {
		return EmulatorSupport.clientBuilder(this.emulator.get());
	}

	@Test
	void aDrippingBodyEndsAtTheCallDeadline() {
		this.emulator.get().faults().on("GET", USER).drip(Duration.ofMillis(300));
		BentoCloudClient client = builder().responseTimeout(Duration.ofSeconds(1))
			.retry(0, Duration.ofMillis(1), Duration.ofMillis(1))
			.build();
		long started = System.nanoTime();
		assertThatExceptionOfType(BentoCloudTransportException.class)
			.isThrownBy(() -> client.currentUser().block(Duration.ofSeconds(20)))
			.withMessageContaining("within PT2S")
			.withMessageContaining("BentoCloudClientBuilder.callTimeout(...)");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void anHtmlLoginPageIsAMalformedResponseNotANetworkProblem() {
		this.emulator.get()
			.faults()
			.on("GET", USER)
			.body(200, "<html><body>Please log in</body></html>")
			.contentType("text/html");
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class)
			.isThrownBy(() -> builder().build().blocking().currentUser())
			.withMessageStartingWith("Malformed response from BentoCloud for GET /api/v1/auth/current");
	}

	@Test
	void aBodyOverTheCapIsAMalformedResponse() {
		String huge = "{\"name\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
		this.emulator.get().faults().on("GET", USER).body(200, huge);
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class)
			.isThrownBy(() -> builder().build().blocking().currentUser())
			.withMessageContaining("larger than 16 MiB");
	}

	@Test
	void controlCharactersFromTheServerAreEscapedInMessages() {
		this.emulator.get()
			.faults()
			.on("GET", USER)
			.body(500, "oops\r\n2026-11-30 INFO forged log line \u001b[2J\u001b]0;pwned\u0007");
		assertThatExceptionOfType(BentoCloudApiException.class).isThrownBy(
				() -> builder().retry(0, Duration.ofMillis(1), Duration.ofMillis(1)).build().blocking().currentUser())
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("oops\\u000d\\u000a2026-11-30 INFO forged", "\\u001b[2J", "\\u0007")
				.doesNotContain("\r", "\n", "\u001b", "\u0007"));
	}

	@Test
	void aServerThatIgnoresStartFailsTheListAfterTwoPages() {
		this.emulator.get().seedApiTokens(250);
		this.emulator.get().faults().on("GET", TOKENS).ignoreStart();
		this.emulator.get().clearRequests();
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class)
			.isThrownBy(() -> builder().build().apiTokens().list().collectList().block(Duration.ofSeconds(20)))
			.withMessageContaining("page 2 was asked for start=100 but starts at 0");
		assertThat(this.emulator.get().requestCount("GET", TOKENS)).isEqualTo(2);
	}

	@Test
	void aTotalThatStaysAheadEndsAtTheFirstEmptyPage() {
		this.emulator.get().seedApiTokens(250);
		this.emulator.get().faults().on("GET", TOKENS).total(1_000_000);
		this.emulator.get().clearRequests();
		List<ApiToken> tokens = builder().build().apiTokens().list().collectList().block(Duration.ofSeconds(20));
		assertThat(tokens).hasSize(251);
		assertThat(this.emulator.get().requestCount("GET", TOKENS)).isEqualTo(4);
	}

	@Test
	void listsNeverTakeMorePagesThanTheMaximum() {
		this.emulator.get().seedApiTokens(250);
		this.emulator.get().clearRequests();
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class)
			.isThrownBy(
					() -> builder().maxPages(2).build().apiTokens().list().collectList().block(Duration.ofSeconds(20)))
			.withMessageContaining("the maximum of 2 pages");
		assertThat(this.emulator.get().requestCount("GET", TOKENS)).isEqualTo(2);
	}

	@Test
	void anEndpointWithUserInfoIsRefusedWithoutEchoingThePassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BentoCloudClient.builder().endpoint("https://me:hunter2@acme.cloud.bentoml.com"))
			.withMessageContaining("contains user info")
			.withMessageNotContaining("hunter2");
	}

}
