package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The service client against the emulator's deployments: bearer tokens, readiness,
 * redirects and plain http.
 */
class ServiceClientEmulatorTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private BentoServiceClientFactory factory;

	private URI protectedUrl;

	private String serviceToken;

	@BeforeEach
	void start() {
		this.emulator.get().seedDeployment("secure", "iris:1", true);
		this.protectedUrl = URI.create(this.emulator.get().deploymentUrl("secure"));
		this.serviceToken = this.emulator.get().createUserWithToken("svc", "svc@example.com");
		this.factory = BentoServiceClientFactory.builder()
			.connectTimeout(Duration.ofSeconds(2))
			.callTimeout(Duration.ofSeconds(5))
			.defaultToken(this.serviceToken)
			.build();
	}

	@Test
	void protectedRouteNeedsBearerToken() {
		BentoServiceClient anonymous = this.factory.create(this.protectedUrl, null);
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> anonymous.call("echo", Map.of("x", 1), JSON).block())
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Protected Endpoint Access"));

		Map<String, Object> answer = this.factory.create(this.protectedUrl).call("/echo", Map.of("x", 1), JSON).block();
		assertThat(answer).containsEntry("route", "echo").containsEntry("input", Map.of("x", 1));
		RecordedRequest last = this.emulator.get().requests().get(this.emulator.get().requests().size() - 1);
		assertThat(last.header("authorization")).isEqualTo("Bearer " + this.serviceToken);
		assertThat(last.header("x-yatai-api-token")).isNull();
		assertThat(last.header("user-agent")).startsWith("bentocloud-java/");
	}

	@Test
	void readiness() {
		assertThat(this.factory.create(this.protectedUrl).isReady().block()).isTrue();
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> this.factory.create(this.protectedUrl, null).isReady().block());
		this.emulator.get().faults().on("GET", "/__services/secure/readyz").respond(503);
		assertThat(this.factory.create(this.protectedUrl).isReady().block()).isFalse();
	}

	@Test
	void tokenIsNotForwardedOnRedirectToAnotherHost() {
		this.emulator.get()
			.faults()
			.on("POST", "/__services/secure/echo")
			.redirect("http://localhost:" + this.emulator.get().port() + "/__services/secure/stolen");
		assertThatExceptionOfType(BentoCloudApiException.class)
			.isThrownBy(() -> this.factory.create(this.protectedUrl).call("echo", Map.of(), JSON).block())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(302));
		assertThat(this.emulator.get().requests()).noneMatch((r) -> r.path().endsWith("/stolen"));
	}

	@Test
	void refusesPlainHttpToRemoteHostWithToken() {
		assertThatIllegalStateException().isThrownBy(() -> this.factory.create(URI.create("http://example.com/svc")))
			.withMessageContaining("BentoServiceClientFactory.Builder.allowInsecureEndpoint(true)");
	}

}
