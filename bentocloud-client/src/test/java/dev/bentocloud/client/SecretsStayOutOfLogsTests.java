package dev.bentocloud.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.SecretContent;
import dev.bentocloud.client.model.SecretItem;
import dev.bentocloud.client.model.UpdateSecretRequest;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
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
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secret values and tokens never reach a log line through Spring's codecs and
 * request-detail logging at TRACE, nor an error message when the server echoes them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests {

	private static final String SECRET = "hunter2-very-secret-value";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void verbose() {
		this.logging.setLogLevel("org.springframework.web", LogLevel.TRACE);
		this.logging.setLogLevel("org.springframework.http", LogLevel.TRACE);
		this.logging.setLogLevel("org.springframework.core.codec", LogLevel.TRACE);
	}

	@AfterEach
	void quiet() {
		this.logging.setLogLevel("org.springframework.web", null);
		this.logging.setLogLevel("org.springframework.http", null);
		this.logging.setLogLevel("org.springframework.core.codec", null);
	}

	/**
	 * A WebClient builder that logs request details (headers, bodies) as Boot's property
	 * does.
	 */
	private static WebClient.Builder detailLogging() {
		return WebClient.builder().codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
	}

	@Test
	void secretValuesAreNotLoggedByTheCodecs(CapturedOutput output) {
		BentoCloudClient client = EmulatorSupport.clientBuilder(this.emulator.get())
			.webClientBuilder(SecretsStayOutOfLogsTests::detailLogging)
			.build();
		client.secrets()
			.create(CreateSecretRequest.of("db", SecretContent.env(List.of(SecretItem.of("PASSWORD", SECRET)))))
			.block();
		client.secrets()
			.update(UpdateSecretRequest.of("db", SecretContent.env(List.of(SecretItem.of("PASSWORD", SECRET + "2")))))
			.block();
		assertThat(output).contains("POST").doesNotContain(SECRET).doesNotContain(this.emulator.get().apiToken());
	}

	@Test
	void secretValuesEchoedInAnErrorAreMasked() {
		BentoCloudEmulator server = this.emulator.get();
		server.faults()
			.on("POST", "/api/v1/org_secrets")
			.body(422, "{\"message\":\"value " + SECRET + " is not allowed\"}");
		BentoCloudClient client = EmulatorSupport.client(server);
		assertThatExceptionOfType(BentoCloudApiException.class)
			.isThrownBy(() -> client.secrets()
				.create(CreateSecretRequest.of("db", SecretContent.env(List.of(SecretItem.of("PASSWORD", SECRET)))))
				.block())
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain(SECRET).contains("******");
				assertThat(ex.getBodyExcerpt()).doesNotContain(SECRET);
			});
	}

	@Test
	void theServiceBearerTokenIsNotLoggedWithRequestDetails(CapturedOutput output) {
		BentoCloudEmulator server = this.emulator.get();
		server.seedDeployment("svc", "svc:1", true);
		String token = server.createUserWithToken("svc", "svc@example.com");
		Map<String, Object> answer = BentoServiceClientFactory.builder()
			.webClientBuilder(SecretsStayOutOfLogsTests::detailLogging)
			.defaultToken(token)
			.build()
			.create(URI.create(server.deploymentUrl("svc")))
			.call("echo", Map.of("x", 1),
					new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
					})
			.block();
		assertThat(answer).containsEntry("route", "echo");
		assertThat(output).contains("/echo").doesNotContain(token);
	}

}
