package dev.bentocloud.client.service;

import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudMalformedResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code /schema.json}: read once, parsed into routes, used to refuse calls BentoML's
 * client refuses; and a schema that is missing, malformed or huge leaves calls possible.
 */
class ServiceSchemaCheckTests {

	private ScriptedService service;

	@BeforeEach
	void start() {
		this.service = new ScriptedService().text("POST /summarize", 200, "ok");
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private BlockingBentoServiceClient client() {
		return ServiceTestSupport.factory(BentoCloudConnectorFactory.reactorNetty())
			.maxResponseSize(64 * 1024)
			.build()
			.create(this.service.url())
			.blocking();
	}

	@Test
	void theSchemaIsReadOnceAndDescribesEachRoute() {
		this.service.json("GET /schema.json", 200, ServiceTestSupport.SCHEMA);
		BlockingBentoServiceClient client = client();
		ServiceSchema schema = client.schema();
		assertThat(schema.name()).isEqualTo("ExampleService");
		assertThat(schema.routeNames()).containsExactly("summarize", "classify", "generate", "transcribe", "render",
				"embed", "long_job");
		ServiceRoute summarize = schema.route("/summarize").orElseThrow();
		assertThat(summarize.parameters()).containsExactly("text", "max_words");
		assertThat(summarize.requiredParameters()).containsExactly("text");
		assertThat(summarize.outputType()).isEqualTo("string");
		assertThat(summarize.stream()).isFalse();
		assertThat(schema.route("generate").orElseThrow().stream()).isTrue();
		assertThat(schema.route("long_job").orElseThrow().task()).isTrue();
		assertThat(schema.route("classify").orElseThrow().route()).isEqualTo("/v1/classify");
		assertThat(schema.route("transcribe").orElseThrow().fileParameter("clips")).isTrue();
		assertThat(schema.route("render").orElseThrow().binaryOutput()).isTrue();
		assertThat(schema.route("embed").orElseThrow().rootInput()).isTrue();
		client.call("summarize", Map.of("text", "a"), String.class);
		client.call("summarize", Map.of("text", "b"), String.class);
		assertThat(this.service.received("GET /schema.json")).hasSize(1);
	}

	@Test
	void unknownRoutesAndArgumentsAreRefusedBeforeSending() {
		this.service.json("GET /schema.json", 200, ServiceTestSupport.SCHEMA);
		BlockingBentoServiceClient client = client();
		assertThatExceptionOfType(InvalidServiceCallException.class)
			.isThrownBy(() -> client.call("summarise", Map.of("text", "t"), String.class))
			.withMessageContaining("No route 'summarise' in the service at http://127.0.0.1:")
			.withMessageContaining(
					"its routes are: summarize, classify, generate, transcribe, render, embed, long_job");
		assertThatExceptionOfType(InvalidServiceCallException.class)
			.isThrownBy(() -> client.call("summarize", Map.of("txt", "t"), String.class))
			.withMessageContaining("Arguments not found in route summarize: txt")
			.withMessageContaining("it takes: text (string), max_words (integer)?");
		assertThatExceptionOfType(InvalidServiceCallException.class)
			.isThrownBy(() -> client.call("summarize", Map.of("max_words", 3), String.class))
			.withMessageContaining("Missing required arguments in route summarize: text");
		assertThat(this.service.received("POST /summarize")).isEmpty();
	}

	@Test
	void withoutASchemaCallsAreSentUnchecked() {
		// no /schema.json: 404
		assertThat(client().call("summarize", Map.of("anything", 1), String.class)).isEqualTo("ok");
		assertThat(this.service.received("POST /summarize")).hasSize(1);
	}

	@Test
	void aMalformedSchemaIsAClearErrorAndCallsStillGo() {
		this.service.text("GET /schema.json", 200, "<html>login</html>");
		BlockingBentoServiceClient client = client();
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class).isThrownBy(client::schema)
			.withMessageContaining("not a BentoML schema");
		assertThat(client.call("summarize", Map.of("text", "t"), String.class)).isEqualTo("ok");
	}

	@Test
	void aHugeSchemaIsRefusedAtTheLimitAndCallsStillGo() {
		this.service.json("GET /schema.json", 200, "{\"routes\":[" + "{\"name\":\"r\"},".repeat(20_000) + "]}");
		BlockingBentoServiceClient client = client();
		assertThatExceptionOfType(BentoCloudMalformedResponseException.class).isThrownBy(client::schema)
			.withMessageContaining("larger than 64 KiB");
		assertThat(client.call("summarize", Map.of("text", "t"), String.class)).isEqualTo("ok");
	}

	@Test
	void checksCanBeSwitchedOff() {
		this.service.json("GET /schema.json", 200, ServiceTestSupport.SCHEMA);
		BlockingBentoServiceClient client = ServiceTestSupport.factory(BentoCloudConnectorFactory.reactorNetty())
			.checkCalls(false)
			.build()
			.create(this.service.url())
			.blocking();
		assertThat(client.call("summarize", Map.of("txt", List.of()), String.class)).isEqualTo("ok");
		assertThat(this.service.received("GET /schema.json")).isEmpty();
	}

}
