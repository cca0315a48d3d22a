package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provokes every kind of failure with a recognisable token, echoed back in error bodies,
 * and checks that no exception message, toString or log line contains it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenLeakTests {

	@Test
	void tokenNeverAppearsInMessagesOrLogs(CapturedOutput output) {
		try (BentoCloudEmulator emulator = BentoCloudEmulator.start()) {
			String token = emulator.apiToken();
			String userPath = "/api/v1/auth/current";
			BlockingBentoCloudClient client = EmulatorSupport.client(emulator).blocking();
			List<Throwable> failures = new ArrayList<>();
			List<Supplier<Object>> calls = List.of(client::currentUser, client::currentOrganization);
			emulator.faults().on("GET", userPath).times(1).body(500, "{\"echo\":\"" + token + "\"}");
			emulator.faults()
				.on("GET", userPath)
				.times(1)
				.body(503, "token " + token)
				.header("x-trace-id", "t-" + token);
			emulator.faults().on("GET", userPath).times(1).body(400, "record not found " + token);
			emulator.faults().on("GET", userPath).times(1).body(200, "not json " + token);
			emulator.faults().on("GET", userPath).times(1).body(200, "{\"email\":\"" + token + "\"}");
			emulator.faults().on("GET", userPath).times(1).resetConnection();
			for (int i = 0; i < 8; i++) {
				for (Supplier<Object> call : calls) {
					try {
						call.get();
					}
					catch (RuntimeException ex) {
						failures.add(ex);
					}
				}
			}
			emulator.revokeToken(token);
			try {
				client.currentUser();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
			BentoServiceClientFactory services = BentoServiceClientFactory.builder()
				.connectTimeout(Duration.ofSeconds(1))
				.callTimeout(Duration.ofSeconds(1))
				.defaultToken(token)
				.build();
			emulator.seedDeployment("svc", "iris:1", true);
			try {
				services.create(URI.create(emulator.deploymentUrl("svc")))
					.call("echo", Map.of("t", token), Map.class)
					.block();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
			assertThat(failures).hasSizeGreaterThanOrEqualTo(7);
			for (Throwable failure : failures) {
				for (Throwable t = failure; t != null; t = t.getCause()) {
					assertThat(String.valueOf(t.getMessage())).doesNotContain(token);
					assertThat(t.toString()).doesNotContain(token);
				}
				failure.printStackTrace(System.out);
			}
			ApiToken created = EmulatorSupport.clientBuilder(emulator)
				.apiToken(emulator.createUserWithToken("x", "x@y"))
				.build()
				.blocking()
				.apiTokens()
				.create(CreateApiTokenRequest.named("leak-check"));
			System.out.println(created);
			assertThat(output).doesNotContain(token).doesNotContain(created.token());
		}
	}

}
