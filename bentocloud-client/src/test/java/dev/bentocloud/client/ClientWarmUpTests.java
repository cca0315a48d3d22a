package dev.bentocloud.client;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BentoCloudClient#warmUp()} opens no socket (not even a listening one on
 * loopback), sends nothing, and logs no call it did not make, with Reactor Netty and
 * Spring's web logging at TRACE.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientWarmUpTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void verbose() {
		this.logging.setLogLevel("reactor.netty", LogLevel.DEBUG);
		this.logging.setLogLevel("org.springframework.web", LogLevel.TRACE);
	}

	@AfterEach
	void quiet() {
		this.logging.setLogLevel("reactor.netty", null);
		this.logging.setLogLevel("org.springframework.web", null);
	}

	@Test
	void warmingUpListensOnNothingAndLogsNoCall(CapturedOutput output) {
		BentoCloudClient client = EmulatorSupport.client(this.emulator.get());
		this.emulator.get().clearRequests();
		int before = output.length();
		client.warmUp();
		String logged = output.toString().substring(before);
		assertThat(logged).doesNotContain("Bound new server").doesNotContain("HTTP GET").doesNotContain("200 OK");
		assertThat(this.emulator.get().requests()).isEmpty();
		assertThat(client.blocking().currentUser().name()).isEqualTo("demo");
	}

	@Test
	void withoutATokenTheWarmUpDropsNoError() {
		java.util.List<Throwable> dropped = new java.util.concurrent.CopyOnWriteArrayList<>();
		reactor.core.publisher.Hooks.onErrorDropped(dropped::add);
		try {
			BentoCloudClient.builder().endpoint(this.emulator.get().endpoint()).build().warmUp();
			assertThat(dropped).isEmpty();
		}
		finally {
			reactor.core.publisher.Hooks.resetOnErrorDropped();
		}
	}

}
