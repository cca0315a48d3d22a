package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code /readyz}: {@code isReady()}, and {@code waitUntilReady} polling with growing
 * pauses (BentoML's loop has none), failing fast on 401 and with the last answer on
 * timeout.
 */
class ServiceReadinessTests {

	private ScriptedService service;

	private final AtomicInteger probes = new AtomicInteger();

	@BeforeEach
	void start() {
		this.service = new ScriptedService();
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private BlockingBentoServiceClient client(URI url) {
		return ServiceTestSupport.blockingClient(url);
	}

	private void readyAfter(int notReady, int status) {
		this.service.on("GET /readyz", (exchange) -> {
			boolean ready = this.probes.incrementAndGet() > notReady;
			ScriptedService.send(exchange, ready ? 200 : status, "text/plain; charset=utf-8", "\n");
		});
	}

	@Test
	void waitsWithPausesUntilReady() {
		readyAfter(3, 503);
		long start = System.nanoTime();
		client(this.service.url()).waitUntilReady(Duration.ofSeconds(10));
		// pauses of 100, 200 and 400 ms
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(650),
				Duration.ofSeconds(3));
		assertThat(this.probes.get()).isEqualTo(4);
		assertThat(this.service.received("GET /readyz").get(0).header("authorization")).startsWith("Bearer ");
	}

	@Test
	void timesOutNamingTheLastAnswer() {
		readyAfter(Integer.MAX_VALUE, 503);
		assertThatExceptionOfType(ServiceNotReadyException.class)
			.isThrownBy(() -> client(this.service.url()).waitUntilReady(Duration.ofMillis(1200)))
			.withMessageContaining("is not ready after 1200 ms")
			.withMessageContaining("last answer of GET /readyz: status 503");
		assertThat(this.probes.get()).isBetween(3, 6);
	}

	@Test
	void unauthorizedFailsAtOnce() {
		readyAfter(Integer.MAX_VALUE, 401);
		long start = System.nanoTime();
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> client(this.service.url()).waitUntilReady(Duration.ofSeconds(10)))
			.withMessageContaining("Protected Endpoint Access");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(this.probes.get()).isEqualTo(1);
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> client(this.service.url()).isReady());
	}

	@Test
	void aServerThatIsNotThereYetIsWaitedFor() {
		URI url = this.service.url();
		this.service.close();
		assertThat(client(url).isReady()).isFalse();
		assertThatExceptionOfType(ServiceNotReadyException.class)
			.isThrownBy(() -> client(url).waitUntilReady(Duration.ofMillis(800)))
			.withMessageContaining("connection refused");
	}

	@Test
	void isReadyIsTrueOnlyFor200() {
		readyAfter(1, 500);
		BlockingBentoServiceClient client = client(this.service.url());
		assertThat(client.isReady()).isFalse();
		assertThat(client.isReady()).isTrue();
	}

}
