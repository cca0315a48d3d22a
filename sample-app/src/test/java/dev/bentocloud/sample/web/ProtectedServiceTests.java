package dev.bentocloud.sample.web;

import java.time.Duration;
import java.util.List;

import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.ServiceApi;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServiceController} against an older, protected deployment
 * ({@code access_authorization: true}) whose {@code generate} takes no {@code n}: the
 * schema's refusal is a 400 and nothing is sent; the service token goes to the service;
 * the service's own 401 is a 502 saying which token to fix, without the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bentocloud.services.demo.deployment=" + ProtectedServiceTests.DEPLOYMENT,
				"bentocloud.services.demo.token=" + ProtectedServiceTests.SERVICE_TOKEN })
@AutoConfigureBentoCloudEmulator
@AutoConfigureWebTestClient
class ProtectedServiceTests {

	static final String DEPLOYMENT = "demo-v1";

	static final String SERVICE_TOKEN = "svc_sample-test-protected-endpoint-access";

	private static final String GENERATE = "/__services/" + DEPLOYMENT + "/generate";

	@Autowired
	private WebTestClient web;

	@Autowired
	private BentoCloudEmulator emulator;

	// The emulator is reset after each test: everything added after its start goes.
	@BeforeEach
	void protectedOlderService() {
		this.emulator.seedDeployment(DEPLOYMENT, "generator:v1", true);
		this.emulator.serveApi(DEPLOYMENT,
				ServiceApi.named("Generator")
					.route(ApiRoute.stream("generate")
						.param("prompt", "string")
						.chunks((call) -> List.of("once ", "upon ", "a time").iterator()))
					.route(ApiRoute.text("summarize").param("text", "string").answer("short")));
		this.emulator.seedApiToken("service", "Protected Endpoint Access", List.of("api"), SERVICE_TOKEN);
	}

	@Test
	void anArgumentTheServiceDoesNotTakeIsA400AndNothingIsSent() {
		this.web.get()
			.uri("/services/demo/generate?prompt=hi&n=2")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid service call")
			.jsonPath("$.detail")
			.isEqualTo("Arguments not found in route generate: n; it takes: prompt (string)");
		assertThat(this.emulator.requestCount("POST", GENERATE)).isZero();
	}

	@Test
	void theServiceTokenGoesToTheService() {
		List<String> chunks = this.web.get()
			.uri("/services/demo/generate?prompt=hi")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.map(ServerSentEvent::data)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(chunks).containsExactly("once ", "upon ", "a time");
		RecordedRequest generate = this.emulator.requests()
			.stream()
			.filter((request) -> request.path().equals(GENERATE))
			.findFirst()
			.orElseThrow();
		assertThat(generate.header("Authorization")).isEqualTo("Bearer " + SERVICE_TOKEN);
		assertThat(generate.header("X-YATAI-API-TOKEN")).as("the management token stays with BentoCloud").isNull();
	}

	@Test
	void theServiceRefusingTheTokenIsA502ProblemNamingThePropertyWithoutTheToken() {
		this.emulator.revokeToken(SERVICE_TOKEN);
		String body = this.web.get()
			.uri("/services/demo/summarize?text=hello")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The service rejected this app's token")
			.jsonPath("$.upstreamStatus")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("bentocloud.services.demo.token"))
			.returnResult()
			.toString();
		assertThat(body).doesNotContain(SERVICE_TOKEN);
	}

}
