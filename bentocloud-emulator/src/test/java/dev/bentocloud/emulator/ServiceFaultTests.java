package dev.bentocloud.emulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Fault rules on service paths, streamed answers included. */
class ServiceFaultTests {

	static final ServiceApi API = ServiceApi.named("Faulty")
		.route(ApiRoute.text("hello").answer("hello"))
		.route(ApiRoute.stream("endless").chunks((call) -> Stream.generate(() -> "x").iterator()));

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.serviceApi("faulty", API));

	private ServiceHttp service;

	@BeforeEach
	void deploy() {
		this.emulator.get().seedDeployment("faulty", "faulty:1", false);
		this.service = new ServiceHttp(this.emulator.get(), "faulty");
	}

	@Test
	void dripSendsTheNormalAnswerSlowly() {
		this.emulator.get().faults().on("POST", "/__services/faulty/hello").drip(Duration.ofMillis(50));
		long started = System.nanoTime();
		HttpResponse<String> response = this.service.post("/hello", "{}");
		assertThat(response.body()).isEqualTo("hello");
		assertThat(response.headers().firstValue("server")).hasValue("BentoML Service/Faulty");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void truncatingAnEndlessStreamCutsAPieceOfItAndCloses() {
		this.emulator.get().faults().on("POST", "/__services/faulty/endless").times(1).truncatedBody();
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> this.service.post("/endless", "{}"))
			.withCauseInstanceOf(IOException.class);
		assertThat(this.service.post("/hello", "{}").body()).isEqualTo("hello");
	}

	@Test
	void resetAndRespondWorkOnServicePaths() {
		this.emulator.get().faults().on("GET", "/__services/faulty/readyz").times(1).respond(503);
		assertThat(this.service.get("/readyz").statusCode()).isEqualTo(503);
		assertThat(this.service.get("/readyz").statusCode()).isEqualTo(200);
		this.emulator.get().faults().on("POST", "/__services/faulty/*").resetConnection();
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> this.service.post("/hello", "{}"));
		assertThat(this.emulator.get().requestCount("POST", "/__services/faulty/hello")).isPositive();
	}

}
