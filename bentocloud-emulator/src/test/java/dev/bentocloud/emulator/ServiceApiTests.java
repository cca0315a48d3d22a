package dev.bentocloud.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The example service's schema and answers, as a BentoML 1.4.38 server gives them. */
class ServiceApiTests {

	private static final String EXAMPLE_SCHEMA = """
			{"name": "ExampleService", "type": "service", "paths": {}, "routes": [
			 {"name": "summarize", "route": "/summarize", "batchable": false, "is_task": false,
			  "input": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
			  "output": {"type": "string"}},
			 {"name": "classify", "route": "/classify", "batchable": true, "is_task": false,
			  "input": {"type": "object", "properties": {"input": {"type": "array", "items": {"type": "number"}}},
			            "required": ["input"]},
			  "output": {"type": "object"}},
			 {"name": "generate", "route": "/generate", "batchable": false, "is_task": false,
			  "input": {"type": "object", "properties": {"prompt": {"type": "string"},
			            "n": {"type": "integer", "default": 3}}, "required": ["prompt"]},
			  "output": {"type": "string", "is_stream": true, "media_type": "text/event-stream"}},
			 {"name": "transcribe", "route": "/transcribe", "batchable": false, "is_task": false,
			  "input": {"type": "object", "properties": {"audio": {"type": "file", "format": "binary"},
			            "language": {"type": "string", "default": "en"}}, "required": ["audio"]},
			  "output": {"type": "object"}},
			 {"name": "render", "route": "/render", "batchable": false, "is_task": false,
			  "input": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
			  "output": {"type": "file"}},
			 {"name": "embed", "route": "/embed", "batchable": false, "is_task": false,
			  "input": {"type": "object", "properties": {"texts": {"type": "array", "items": {"type": "string"}}},
			            "required": ["texts"], "root_input": true},
			  "output": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}},
			 {"name": "long_job", "route": "/long_job", "batchable": false, "is_task": true,
			  "input": {"type": "object", "properties": {"seconds": {"type": "number"}}, "required": ["seconds"]},
			  "output": {"type": "object"}},
			 {"name": "echo", "route": "/echo", "batchable": false, "is_task": false,
			  "input": {"type": "object", "properties": {}, "additionalProperties": true},
			  "output": {"type": "object"}}
			]}
			""";

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private static ServiceHttp demo;

	@BeforeAll
	static void deploy() {
		emulator.get().seedDeployment("demo", "demo:1", false);
		demo = new ServiceHttp(emulator.get(), "demo");
	}

	@Test
	void schemaOfTheExampleServiceIsExact() {
		HttpResponse<String> response = demo.get("/schema.json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
		JsonNode schema = ServiceHttp.json(response);
		for (JsonNode route : schema.get("routes")) {
			assertThat(route.get("doc").isString()).as("doc of %s", route.get("name")).isTrue();
			((ObjectNode) route).remove("doc");
		}
		assertThat(schema).isEqualTo(Http.JSON.readTree(EXAMPLE_SCHEMA));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readyz", "/livez", "/healthz" })
	void healthEndpointsAnswerANewline(String path) {
		HttpResponse<String> response = demo.get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("\n");
		assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
	}

	@Test
	void textRouteAnswersRawTextWithBentoMlHeaders() {
		HttpResponse<String> first = demo.post("/summarize", "{\"text\": \"" + "x".repeat(50) + "\"}");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("Summary: " + "x".repeat(40));
		assertThat(first.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
		assertThat(first.headers().firstValue("server")).hasValue("BentoML Service/ExampleService");
		HttpResponse<String> second = demo.post("/summarize", "{\"text\": \"Grüße\"}");
		assertThat(second.body()).isEqualTo("Summary: Grüße");
		assertThat(first.headers().firstValue("x-bentoml-request-id")).isPresent()
			.isNotEqualTo(second.headers().firstValue("x-bentoml-request-id"));
	}

	@Test
	void jsonRouteAnswersJsonAndABodyWithoutContentTypeIsJson() {
		HttpResponse<byte[]> response = demo.postBytes("/classify", null,
				"{\"input\": [1, -4, 0.5]}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
		assertThat(response.headers().firstValue("x-bentoml-request-id")).isPresent();
		assertThat(Http.JSON.readTree(response.body()))
			.isEqualTo(Http.JSON.readTree("{\"label\": \"negative\", \"score\": -0.8333333333333334, \"size\": 3}"));
	}

	@Test
	void fileRouteAnswersTheBytesWithContentDisposition() {
		HttpResponse<byte[]> response = demo.postBytes("/render", "application/json",
				"{\"text\": \"naïve ☃\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("naïve ☃".getBytes(StandardCharsets.UTF_8));
		assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
		assertThat(response.headers().firstValue("content-disposition"))
			.hasValue("attachment; filename=\"render.txt\"");
		assertThat(response.headers().firstValue("server")).hasValue("BentoML Service/ExampleService");
	}

	@Test
	void rootInputBodyIsTheBareValue() {
		HttpResponse<String> response = demo.post("/embed", "[\"a b c\", \"\"]");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ServiceHttp.json(response)).isEqualTo(Http.JSON.readTree("[[5, 3], [0, 0]]"));
		HttpResponse<String> wrong = demo.post("/embed", "{\"texts\": [\"a\"]}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(ServiceHttp.json(wrong).at("/detail/0/type").stringValue()).isEqualTo("list_type");
	}

	@Test
	void multipartUploadArrivesByteExact() throws Exception {
		byte[] audio = { 0x00, (byte) 0xFF, (byte) 0xC3, 0x28, '\r', '\n', '-', '-', (byte) 0x80, 0x00, (byte) 0xFE };
		ServiceHttp.Multipart form = new ServiceHttp.Multipart().file("audio", "clip.wav", "audio/wav", audio)
			.field("language", "\"fr\"");
		HttpResponse<byte[]> response = demo.postBytes("/transcribe", form.contentType(), form.bytes());
		assertThat(response.statusCode()).isEqualTo(200);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
		assertThat(Http.JSON.readTree(response.body())).isEqualTo(Http.JSON
			.readTree("{\"filename\": \"clip.wav\"," + " \"content_type\": \"audio/wav\", \"size\": 11, \"sha256\": \""
					+ sha256 + "\", \"language\": \"fr\"}"));
		// A field that is not JSON is a plain string; an absent one takes its default.
		ServiceHttp.Multipart plain = new ServiceHttp.Multipart().file("audio", "a.bin", "application/octet-stream",
				audio);
		assertThat(Http.JSON.readTree(demo.postBytes("/transcribe", plain.contentType(), plain.bytes()).body())
			.get("language")
			.stringValue()).isEqualTo("en");
		ServiceHttp.Multipart german = plain.field("language", "de");
		assertThat(Http.JSON.readTree(demo.postBytes("/transcribe", german.contentType(), german.bytes()).body())
			.get("language")
			.stringValue()).isEqualTo("de");
		assertThat(emulator.get().requests()).last()
			.satisfies((recorded) -> assertThat(recorded.body()).contains("name=\"audio\"").contains("\uFFFD"));
	}

	@Test
	void fileRouteRefusesARawBody() {
		HttpResponse<byte[]> response = demo.postBytes("/transcribe", "application/octet-stream", new byte[] { 1, 2 });
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.JSON.readTree(response.body()).get("error").stringValue()).contains("multipart/form-data");
		assertThat(demo.post("/transcribe", "{\"language\": \"en\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void validationErrorsListEveryProblem() {
		HttpResponse<String> missing = demo.post("/summarize", "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(ServiceHttp.json(missing)).isEqualTo(Http.JSON.readTree("""
				{"error": "1 validation error for Input", "detail": [{"type": "missing", "loc": ["body", "text"],
				 "msg": "Field required", "input": {}}]}"""));
		HttpResponse<String> several = demo.post("/classify", "{\"input\": [1, \"two\", 3.5], \"extra\": true}");
		JsonNode body = ServiceHttp.json(several);
		assertThat(body.get("error").stringValue()).isEqualTo("2 validation errors for Input");
		assertThat(body.at("/detail/0")).isEqualTo(Http.JSON.readTree("""
				{"type": "float_type", "loc": ["body", "input", 1], "msg": "Input should be a valid number",
				 "input": "two"}"""));
		assertThat(body.at("/detail/1")).isEqualTo(Http.JSON.readTree("""
				{"type": "extra_forbidden", "loc": ["body", "extra"], "msg": "Extra inputs are not permitted",
				 "input": true}"""));
		JsonNode wrongType = ServiceHttp.json(demo.post("/summarize", "{\"text\": 42}"));
		assertThat(wrongType.at("/detail/0/type").stringValue()).isEqualTo("string_type");
		JsonNode fraction = ServiceHttp.json(demo.post("/generate", "{\"prompt\": \"p\", \"n\": 2.5}"));
		assertThat(fraction.at("/detail/0/type").stringValue()).isEqualTo("int_from_float");
		assertThat(demo.post("/generate", "{\"prompt\": \"p\", \"n\": 2.0}").body()).isEqualTo("token-0 token-1 ");
	}

	@Test
	void invalidJsonIs400WithAnErrorObject() {
		HttpResponse<String> response = demo.post("/summarize", "{\"text\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
		assertThat(ServiceHttp.json(response).get("error").stringValue()).isEqualTo("1 validation error for Input");
		assertThat(ServiceHttp.json(response).at("/detail/0/type").stringValue()).isEqualTo("json_invalid");
		assertThat(ServiceHttp.json(demo.post("/summarize", "[1]")).at("/detail/0/type").stringValue())
			.isEqualTo("model_type");
	}

	@Test
	void echoAnswersItsArguments() {
		HttpResponse<String> response = demo.post("/echo", "{\"x\": 1, \"nested\": {\"y\": [true, null]}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ServiceHttp.json(response)).isEqualTo(
				Http.JSON.readTree("{\"route\": \"echo\", \"input\": {\"x\": 1, \"nested\": {\"y\": [true, null]}}}"));
	}

	@Test
	void unknownRouteIs404TextAndWrongMethodIs405Text() {
		HttpResponse<String> unknown = demo.post("/nope", "{}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo("Not Found");
		assertThat(unknown.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
		HttpResponse<String> wrongMethod = demo.get("/summarize");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.body()).isEqualTo("Method Not Allowed");
		assertThat(demo.post("/readyz", "{}").statusCode()).isEqualTo(405);
		assertThat(demo.put("/schema.json").statusCode()).isEqualTo(405);
	}

	@Test
	void protectedDeploymentNeedsABearerTokenOnEveryPath() {
		emulator.get().seedDeployment("secure", "secure:1", true);
		ServiceHttp anonymous = new ServiceHttp(emulator.get(), "secure");
		assertThat(anonymous.get("/readyz").statusCode()).isEqualTo(401);
		assertThat(anonymous.get("/schema.json").statusCode()).isEqualTo(401);
		assertThat(anonymous.withBearer("emu_wrong").get("/readyz").statusCode()).isEqualTo(401);
		ServiceHttp authorized = anonymous.withBearer(emulator.get().apiToken());
		assertThat(authorized.get("/readyz").statusCode()).isEqualTo(200);
		assertThat(authorized.post("/summarize", "{\"text\": \"t\"}").body()).isEqualTo("Summary: t");
	}

	@Test
	void deploymentThatIsNotRunningIs503AndUnknownIs404() {
		emulator.get().seedDeployment("sleepy", "sleepy:1", false);
		emulator.get().setDeploymentStatus("sleepy", "deploying");
		assertThat(new ServiceHttp(emulator.get(), "sleepy").get("/readyz").statusCode()).isEqualTo(503);
		assertThat(new ServiceHttp(emulator.get(), "ghost").get("/readyz").statusCode()).isEqualTo(404);
	}

	@Test
	void deploymentListAndGetCarryTheServiceUrl() {
		Http management = new Http(emulator.get().endpoint(), emulator.get().apiToken());
		String url = emulator.get().deploymentUrl("demo");
		JsonNode list = management.getJson("/api/v2/deployments?count=100");
		JsonNode listed = list.get("items")
			.valueStream()
			.filter((d) -> d.get("name").stringValue().equals("demo"))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("urls")).isEqualTo(Http.JSON.valueToTree(List.of(url)));
		assertThat(management.getJson("/api/v2/deployments/demo?cluster=default").get("urls"))
			.isEqualTo(Http.JSON.valueToTree(List.of(url)));
	}

	@Test
	void faultsApplyToServicePaths() {
		FaultRule rule = emulator.get().faults().on("POST", "/__services/demo/summarize").times(1).respond(503);
		try {
			assertThat(demo.post("/summarize", "{\"text\": \"t\"}").statusCode()).isEqualTo(503);
			assertThat(demo.post("/summarize", "{\"text\": \"t\"}").statusCode()).isEqualTo(200);
			assertThat(rule.hits()).isEqualTo(1);
			emulator.get().faults().on("GET", "/__services/demo/schema.json").times(1).delay(Duration.ofMillis(100));
			assertThat(demo.get("/schema.json").statusCode()).isEqualTo(200);
		}
		finally {
			emulator.get().faults().clear();
		}
	}

}
