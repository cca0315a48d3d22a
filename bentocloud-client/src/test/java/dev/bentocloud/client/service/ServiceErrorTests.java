package dev.bentocloud.client.service;

import java.time.Duration;
import java.util.Map;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BentoCloudTransportException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Error answers as BentoML sends them (contract 6.1): validation errors with details, an
 * object or an array body, plain text, HTML, escape codes; the request ID kept, the token
 * never in a message.
 */
class ServiceErrorTests {

	private ScriptedService service;

	@BeforeEach
	void start() {
		this.service = ServiceTestSupport.scriptedService();
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private BlockingBentoServiceClient client() {
		return ServiceTestSupport.blockingClient(this.service.url());
	}

	@Test
	void validationErrorsCarryTheirDetails() {
		this.service.json("POST /summarize", 400, "{\"error\":\"1 validation error for Input\",\"detail\":[{\"type\":"
				+ "\"string_type\",\"loc\":[\"body\",\"text\"],\"msg\":\"Input should be a valid string\",\"input\":5}]}");
		assertThatExceptionOfType(BentoServiceException.class)
			.isThrownBy(() -> client().call("summarize", Map.of("text", 5), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getRequestId()).isEqualTo("req-42");
				assertThat(ex.getServerMessage()).isEqualTo("1 validation error for Input");
				assertThat(ex.getDetails()).hasSize(1);
				assertThat(ex.getDetails().get(0)).containsEntry("msg", "Input should be a valid string");
				assertThat(ex.getOperation()).isEqualTo("POST /summarize");
			})
			.withMessageContaining("POST /summarize on the service at http://127.0.0.1:")
			.withMessageContaining("failed with status 400 (request ID req-42): 1 validation error for Input")
			.withMessageContaining("[text: Input should be a valid string]");
	}

	@Test
	void anArrayBodyGivesTheFirstError() {
		this.service.json("POST /summarize", 500, "[{\"error\":\"model crashed\"},{\"error\":\"second\"}]");
		assertThatExceptionOfType(BentoServiceException.class)
			.isThrownBy(() -> client().call("summarize", Map.of("text", "t"), String.class))
			.satisfies((ex) -> assertThat(ex.getServerMessage()).isEqualTo("model crashed"))
			.withMessageContaining("status 500 (request ID req-42): model crashed");
	}

	@Test
	void textHtmlAndEscapeCodesAreShownSafely() {
		this.service.text("POST /summarize", 502, "<html>\u001b[2J\u202e Bad gateway\r\nX-Injected: yes</html>");
		assertThatExceptionOfType(BentoServiceException.class)
			.isThrownBy(() -> client().call("summarize", Map.of("text", "t"), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\u001b", "\r", "\n", "\u202e")
					.contains("\\u001b[2J")
					.contains("Bad gateway");
				assertThat(ex.getServerMessage()).isNull();
			});
	}

	@Test
	void theTokenNeverAppearsEvenWhenTheServerEchoesIt() {
		this.service.json("POST /summarize", 401,
				"{\"error\":\"token " + ServiceTestSupport.TOKEN + " is not valid\"}");
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> client().call("summarize", Map.of("text", "t"), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain(ServiceTestSupport.TOKEN)
					.contains("******")
					.contains("Protected Endpoint Access");
				assertThat(ex.getBodyExcerpt()).doesNotContain(ServiceTestSupport.TOKEN);
			});
		this.service.json("POST /summarize", 403, "{\"error\":\"forbidden\"}");
		assertThatExceptionOfType(BentoCloudUnauthenticatedException.class)
			.isThrownBy(() -> client().call("summarize", Map.of("text", "t"), String.class))
			.withMessageContaining("status 403");
	}

	@Test
	void aDeadServerIsATransportError() {
		this.service.close();
		assertThatExceptionOfType(BentoCloudTransportException.class)
			.isThrownBy(() -> ServiceTestSupport.factory(BentoCloudConnectorFactory.reactorNetty())
				.checkCalls(false)
				.build()
				.create(this.service.url())
				.blocking()
				.call("summarize", Map.of("text", "t"), String.class))
			.withMessageContaining("connection refused");
	}

	@Test
	void urlsMustBeHttpWithoutUserInfo() {
		BentoServiceClientFactory factory = ServiceTestSupport.factory(BentoCloudConnectorFactory.reactorNetty())
			.build();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> factory.create(java.net.URI.create("ws://127.0.0.1:3000")))
			.withMessageContaining("http or https");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> factory.create(java.net.URI.create("https://user:secret@svc.example.com")))
			.withMessageContaining("user info")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> factory.create(java.net.URI.create("http://svc.example.com")))
			.withMessageContaining("plain http");
		assertThat(factory.create(java.net.URI.create("http://svc.example.com"), null)).isNotNull();
	}

	@Test
	void everyErrorIsABentoCloudException() {
		this.service.text("POST /summarize", 200, "x");
		assertThatExceptionOfType(BentoCloudException.class)
			.isThrownBy(() -> client().withCallTimeout(Duration.ofSeconds(1)).call(" ", Map.of(), String.class));
	}

}
