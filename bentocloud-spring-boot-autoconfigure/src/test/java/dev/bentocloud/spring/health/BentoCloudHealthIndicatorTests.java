package dev.bentocloud.spring.health;

import java.time.Duration;
import java.util.List;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The indicator against the emulator over HTTP.
 */
class BentoCloudHealthIndicatorTests {

	private static final String USER = "/api/v1/auth/current";

	private static final String ORG = "/api/v1/current_org";

	/** Far above any expected duration: only proves the check completes. */
	private static final Duration GENEROUS = Duration.ofSeconds(30);

	private static final BentoCloudCredentialsSource FROM_PROPERTIES = new BentoCloudCredentialsSource(
			"properties:test", null);

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void upWithUserOrganizationEndpointAndCredentialSource() {
		Health health = check(indicator(this.emulator.get().apiToken(), FROM_PROPERTIES));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("endpoint", this.emulator.get().endpoint())
			.containsEntry("user", "demo")
			.containsEntry("email", "demo@example.com")
			.containsEntry("displayName", "Demo User")
			.containsEntry("organization", "acme")
			.containsEntry("credentialsSource", "properties:test");
		assertNoToken(health, this.emulator.get().apiToken());
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);
		assertThat(this.emulator.get().requestCount("GET", ORG)).isEqualTo(1);
	}

	@Test
	void insideABentoCloudDeploymentDetailsNameIt() {
		BentoCloudCredentialsSource inside = new BentoCloudCredentialsSource("env:BENTO_CLOUD_API_KEY", null,
				"https://my-svc.cloud.bentoml.com");
		Health up = check(indicator(this.emulator.get().apiToken(), inside));
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("bentoCloudDeployment", "https://my-svc.cloud.bentoml.com")
			.containsEntry("credentialsSource", "env:BENTO_CLOUD_API_KEY");
		Health down = check(indicator(null,
				new BentoCloudCredentialsSource("none", "nowhere", "https://my-svc.cloud.bentoml.com")));
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("bentoCloudDeployment", "https://my-svc.cloud.bentoml.com");
		assertThat(check(indicator(this.emulator.get().apiToken(), FROM_PROPERTIES)).getDetails())
			.doesNotContainKey("bentoCloudDeployment");
	}

	@Test
	void organizationFailureKeepsUpButSaysSo() {
		this.emulator.get().faults().on("GET", ORG).respond(500);
		Health health = check(indicator(this.emulator.get().apiToken(), FROM_PROPERTIES));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("user", "demo")
			.containsEntry("organization", "unknown (GET /api/v1/current_org failed)");
	}

	@Test
	void downWithoutCredentialsSaysWhereItLookedAndWhatToDo() {
		BentoCloudCredentialsSource none = new BentoCloudCredentialsSource("none",
				"environment variable BENTO_CLOUD_API_KEY: not set; credentials file /home/x/bentoml/.yatai.yaml: not found");
		Health health = check(indicator(null, none));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "no-credentials")
			.containsEntry("searched", none.searched())
			.containsEntry("credentialsSource", "none");
		assertThat((String) health.getDetails().get("action")).contains("bentoml cloud login", "BENTO_CLOUD_API_KEY",
				"bentocloud.api-token");
		assertThat(this.emulator.get().requests()).isEmpty();
	}

	@Test
	void downWhenTokenIsRevoked() {
		String token = this.emulator.get().createUserWithToken("bob", "bob@example.com");
		this.emulator.get().revokeToken(token);
		Health health = check(indicator(token, FROM_PROPERTIES));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "unauthenticated").containsEntry("status", 401);
		assertThat((String) health.getDetails().get("reason")).startsWith("Unable to get current user");
		assertThat((String) health.getDetails().get("action")).contains("bentoml cloud login", "BENTO_CLOUD_API_KEY",
				"bentocloud.api-token");
		assertThat(health.getDetails()).doesNotContainKey("traceId");
		assertNoToken(health, token);
	}

	@Test
	void downOnServerErrorWithStatusAndTraceId() {
		this.emulator.get().faults().on("GET", USER).respond(503).header("x-trace-id", "trace-abc-123");
		Health health = check(indicator(this.emulator.get().apiToken(), FROM_PROPERTIES));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "server-error")
			.containsEntry("status", 503)
			.containsEntry("traceId", "trace-abc-123");
		assertThat((String) health.getDetails().get("action")).contains("trace-abc-123");
		// the client retried 503 (3 retries) inside the one check
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(4);
	}

	@Test
	void tokenEchoedByTheServerNeverReachesTheDetails() {
		String token = this.emulator.get().apiToken();
		this.emulator.get()
			.faults()
			.on("GET", USER)
			.body(500, "{\"message\":\"internal error for token " + token + "\"}")
			.header("x-trace-id", "t-" + token);
		Health health = check(indicator(token, FROM_PROPERTIES));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("traceId", "t-******");
		assertNoToken(health, token);
	}

	@Test
	void downWithTimeoutReasonWhenTheServerIsTooSlow() {
		this.emulator.get().faults().on("GET", USER).delay(Duration.ofSeconds(20));
		BentoCloudHealthIndicator indicator = HealthTestSupport.indicator(
				HealthTestSupport
					.client(props(this.emulator.get().apiToken(), Duration.ofMillis(300), Duration.ofSeconds(10))),
				props(this.emulator.get().apiToken(), Duration.ofMillis(300), Duration.ofSeconds(10)), FROM_PROPERTIES);
		StepVerifier.create(indicator.health()).assertNext((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "timeout");
			assertThat((String) health.getDetails().get("reason")).contains("PT0.3S", "bentocloud.health.timeout");
		}).expectComplete().verify(GENEROUS);
	}

	@Test
	void timeoutCapsClientRetries() {
		// each retry would wait 10 s: without the
		// overall cap the check would take 30 s and more
		this.emulator.get().faults().on("GET", USER).respond(503);
		BentoCloudProperties properties = HealthTestSupport.properties(this.emulator.get().endpoint(),
				this.emulator.get().apiToken(), Duration.ofMillis(500), Duration.ofSeconds(10),
				HealthTestSupport.retry(3, Duration.ofSeconds(10), Duration.ofSeconds(10)));
		BentoCloudHealthIndicator indicator = HealthTestSupport.indicator(HealthTestSupport.client(properties),
				properties, FROM_PROPERTIES);
		StepVerifier.create(indicator.health())
			.assertNext((health) -> assertThat(health.getDetails()).containsEntry("error", "timeout"))
			.expectComplete()
			.verify(Duration.ofSeconds(8));
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);
	}

	@Test
	void downWhenEndpointIsUnreachable() {
		BentoCloudProperties properties = HealthTestSupport.properties(
				"http://127.0.0.1:" + HealthTestSupport.closedPort(), this.emulator.get().apiToken(),
				Duration.ofSeconds(10), Duration.ofSeconds(10));
		Health health = check(
				HealthTestSupport.indicator(HealthTestSupport.client(properties), properties, FROM_PROPERTIES));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "unreachable");
		assertThat((String) health.getDetails().get("action")).contains("bentocloud.endpoint");
	}

	@Test
	void concurrentProbesShareOneCallAndTheResultIsCachedForTheTtl() {
		VirtualTimeScheduler clock = VirtualTimeScheduler.create();
		try {
			BentoCloudProperties properties = props(this.emulator.get().apiToken(), Duration.ofSeconds(3),
					Duration.ofSeconds(10));
			BentoCloudHealthIndicator indicator = HealthTestSupport.indicator(HealthTestSupport.client(properties),
					properties, FROM_PROPERTIES, clock);
			List<Health> results = probes(indicator, 1000);
			assertThat(results).hasSize(1000).allSatisfy((h) -> assertThat(h.getStatus()).isEqualTo(Status.UP));
			assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);
			assertThat(this.emulator.get().requestCount("GET", ORG)).isEqualTo(1);

			clock.advanceTimeBy(Duration.ofSeconds(9));
			probes(indicator, 1000);
			assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);

			clock.advanceTimeBy(Duration.ofSeconds(1));
			probes(indicator, 1000);
			assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(2);
		}
		finally {
			clock.dispose();
		}
	}

	@Test
	void downIsCachedForTheTtlToo() {
		VirtualTimeScheduler clock = VirtualTimeScheduler.create();
		try {
			this.emulator.get().faults().on("GET", USER).respond(500);
			BentoCloudProperties properties = props(this.emulator.get().apiToken(), Duration.ofSeconds(3),
					Duration.ofSeconds(10));
			BentoCloudHealthIndicator indicator = HealthTestSupport.indicator(HealthTestSupport.client(properties),
					properties, FROM_PROPERTIES, clock);
			assertThat(probes(indicator, 1000)).allSatisfy((h) -> assertThat(h.getStatus()).isEqualTo(Status.DOWN));
			assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(1);

			this.emulator.get().faults().clear();
			assertThat(probes(indicator, 10)).allSatisfy((h) -> assertThat(h.getStatus()).isEqualTo(Status.DOWN));
			clock.advanceTimeBy(Duration.ofSeconds(10));
			assertThat(probes(indicator, 10)).allSatisfy((h) -> assertThat(h.getStatus()).isEqualTo(Status.UP));
			assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(2);
		}
		finally {
			clock.dispose();
		}
	}

	@Test
	void zeroTtlDisablesCachingButConcurrentProbesStillShare() {
		BentoCloudProperties properties = props(this.emulator.get().apiToken(), Duration.ofSeconds(3), Duration.ZERO);
		BentoCloudHealthIndicator indicator = HealthTestSupport.indicator(HealthTestSupport.client(properties),
				properties, FROM_PROPERTIES);
		check(indicator);
		check(indicator);
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(2);
		// a slow answer keeps the call in flight while all probes subscribe
		this.emulator.get().faults().on("GET", USER).delay(Duration.ofSeconds(1));
		probes(indicator, 100);
		assertThat(this.emulator.get().requestCount("GET", USER)).isEqualTo(3);
	}

	@Test
	void rejectsNonsenseSettingsNamingTheProperty() {
		BentoCloudProperties zeroTimeout = props(this.emulator.get().apiToken(), Duration.ZERO, Duration.ofSeconds(1));
		assertThatIllegalArgumentException().isThrownBy(
				() -> HealthTestSupport.indicator(HealthTestSupport.client(zeroTimeout), zeroTimeout, FROM_PROPERTIES))
			.withMessageContaining("bentocloud.health.timeout");
		BentoCloudProperties negativeTtl = props(this.emulator.get().apiToken(), Duration.ofSeconds(1),
				Duration.ofSeconds(-1));
		assertThatIllegalArgumentException().isThrownBy(
				() -> HealthTestSupport.indicator(HealthTestSupport.client(negativeTtl), negativeTtl, FROM_PROPERTIES))
			.withMessageContaining("bentocloud.health.cache-ttl");
	}

	private List<Health> probes(BentoCloudHealthIndicator indicator, int count) {
		List<Health> results = Flux.range(0, count)
			.flatMap((i) -> indicator.health(), count)
			.collectList()
			.block(GENEROUS);
		assertThat(results).hasSize(count);
		return results;
	}

	private BentoCloudHealthIndicator indicator(String token, BentoCloudCredentialsSource credentials) {
		BentoCloudProperties properties = props(token, Duration.ofSeconds(10), Duration.ofSeconds(10));
		return HealthTestSupport.indicator(HealthTestSupport.client(properties), properties, credentials);
	}

	private BentoCloudProperties props(String token, Duration timeout, Duration cacheTtl) {
		return HealthTestSupport.properties(this.emulator.get().endpoint(), token, timeout, cacheTtl);
	}

	private static Health check(BentoCloudHealthIndicator indicator) {
		Health health = indicator.health().block(GENEROUS);
		assertThat(health).isNotNull();
		return health;
	}

	private static void assertNoToken(Health health, String token) {
		assertThat(health.toString()).doesNotContain(token);
		assertThat(String.valueOf(health.getDetails())).doesNotContain(token);
	}

}
