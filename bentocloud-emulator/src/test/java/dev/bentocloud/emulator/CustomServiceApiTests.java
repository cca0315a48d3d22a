package dev.bentocloud.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A service API declared in Java: answers by result type, errors, files, delays. */
class CustomServiceApiTests {

	record Prediction(String label, double score) {
	}

	static final ServiceApi API = ServiceApi.named("Custom")
		.route(ApiRoute.binary("bytes").param("size", "integer").answer((call) -> {
			byte[] bytes = new byte[((Number) call.arguments().get("size")).intValue()];
			bytes[0] = (byte) 0xFF;
			return bytes;
		}))
		.route(ApiRoute.json("predict").path("/v1/predict").answer(new Prediction("cat", 0.9)))
		.route(ApiRoute.json("array_error").answer((call) -> {
			throw ServiceErrorAnswer.json(500, List.of(Map.of("error", "boom")));
		}))
		.route(ApiRoute.json("text_error").answer((call) -> {
			throw ServiceErrorAnswer.text(422, "not today");
		}))
		.route(ApiRoute.json("crash").answer((call) -> {
			throw new IllegalStateException("model exploded");
		}))
		.route(ApiRoute.text("slow").delay(Duration.ofMillis(300)).answer("finally"))
		.route(ApiRoute.json("inspect")
			.fileListParam("images")
			.param("threshold", "number", 0.5)
			.param("tags", "array", List.of())
			.answer((call) -> Map.of("count", call.files("images").size(), "names",
					call.files("images").stream().map(UploadedFile::filename).toList(), "threshold",
					call.arguments().get("threshold"), "tags", call.arguments().get("tags"), "agent",
					call.headers().get("x-agent"))))
		.route(ApiRoute.file("report")
			.answer((call) -> new UploadedFile("x", "Bericht ü.pdf", "application/pdf", new byte[] { 1, 2, 3 })));

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.serviceApi("custom", API));

	private static ServiceHttp custom;

	@BeforeAll
	static void deploy() {
		emulator.get().seedDeployment("custom", "custom:1", false);
		custom = new ServiceHttp(emulator.get(), "custom");
	}

	@Test
	void schemaListsTheDeclaredRoutes() {
		var schema = ServiceHttp.json(custom.get("/schema.json"));
		assertThat(schema.get("name").stringValue()).isEqualTo("Custom");
		assertThat(schema.get("routes").valueStream().map((r) -> r.get("route").stringValue())).containsExactly(
				"/bytes", "/v1/predict", "/array_error", "/text_error", "/crash", "/slow", "/inspect", "/report");
		assertThat(schema.at("/routes/0/output"))
			.isEqualTo(Http.JSON.readTree("{\"type\":\"string\",\"format\":\"binary\"}"));
		assertThat(schema.at("/routes/6/input")).isEqualTo(Http.JSON.readTree("""
				{"type": "object", "properties": {
				  "images": {"type": "array", "items": {"type": "file", "format": "binary"}},
				  "threshold": {"type": "number", "default": 0.5}, "tags": {"type": "array", "default": []}},
				 "required": ["images"]}"""));
	}

	@Test
	void bytesAndRecordsAnswerByType() {
		HttpResponse<byte[]> bytes = custom.postBytes("/bytes", "application/json",
				"{\"size\": 3}".getBytes(StandardCharsets.UTF_8));
		assertThat(bytes.body()).containsExactly(0xFF, 0, 0);
		assertThat(bytes.headers().firstValue("content-type")).hasValue("application/octet-stream");
		HttpResponse<String> record = custom.post("/v1/predict", "{}");
		assertThat(ServiceHttp.json(record)).isEqualTo(Http.JSON.readTree("{\"label\":\"cat\",\"score\":0.9}"));
		assertThat(record.headers().firstValue("server")).hasValue("BentoML Service/Custom");
		assertThat(custom.post("/predict", "{}").statusCode()).isEqualTo(404);
	}

	@Test
	void errorBodiesArriveExactly() {
		HttpResponse<String> array = custom.post("/array_error", "{}");
		assertThat(array.statusCode()).isEqualTo(500);
		assertThat(array.body()).isEqualTo("[{\"error\":\"boom\"}]");
		assertThat(array.headers().firstValue("content-type")).hasValue("application/json");
		assertThat(array.headers().firstValue("x-bentoml-request-id")).isPresent();
		HttpResponse<String> text = custom.post("/text_error", "{}");
		assertThat(text.statusCode()).isEqualTo(422);
		assertThat(text.body()).isEqualTo("not today");
		assertThat(text.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
		HttpResponse<String> crash = custom.post("/crash", "{}");
		assertThat(crash.statusCode()).isEqualTo(500);
		assertThat(crash.body()).isEqualTo("{\"error\":\"model exploded\"}");
	}

	@Test
	void slowRouteAnswersAfterItsDelay() {
		long started = System.nanoTime();
		assertThat(custom.post("/slow", "{}").body()).isEqualTo("finally");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void fileListsDefaultsAndHeadersReachTheHandler() {
		ServiceHttp.Multipart form = new ServiceHttp.Multipart().file("images", "a.png", "image/png", new byte[] { 1 })
			.file("images", "b.png", "image/png", new byte[] { 2 })
			.field("tags", "[\"x\"]");
		HttpResponse<String> response = ServiceHttp.send(custom.builder("/inspect")
			.header("Content-Type", form.contentType())
			.header("X-Agent", "raw")
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())), HttpResponse.BodyHandlers.ofString());
		assertThat(ServiceHttp.json(response)).isEqualTo(Http.JSON.readTree(
				"{\"count\": 2, \"names\": [\"a.png\", \"b.png\"], \"threshold\": 0.5, \"tags\": [\"x\"], \"agent\": \"raw\"}"));
	}

	@Test
	void fileAnswerWithANonAsciiNameIsEncoded() {
		HttpResponse<byte[]> response = custom.postBytes("/report", "application/json", "{}".getBytes());
		assertThat(response.body()).containsExactly(1, 2, 3);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
		assertThat(response.headers().firstValue("content-disposition"))
			.hasValue("attachment; filename*=utf-8''Bericht%20%C3%BC.pdf");
	}

	@Test
	void routesAreImmutableAndChecked() {
		ApiRoute base = ApiRoute.text("t");
		ApiRoute more = base.param("a", "string");
		assertThat(base.served().params()).isEmpty();
		assertThat(more.served().params()).hasSize(1);
		assertThat(more.path()).isEqualTo("/t");
		assertThatIllegalArgumentException().isThrownBy(() -> base.param("a", "str")).withMessageContaining("jsonType");
		assertThatIllegalArgumentException().isThrownBy(() -> more.param("a", "integer"))
			.withMessageContaining("already has a parameter a");
		assertThatIllegalStateException().isThrownBy(() -> base.chunks((call) -> List.of("x").iterator()))
			.withMessageContaining("stream");
		assertThatIllegalStateException().isThrownBy(() -> base.generatedFile("f", "text/plain", 1))
			.withMessageContaining("file");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceApi.named("S").route(base).route(ApiRoute.json("t")))
			.withMessageContaining("already has a route");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceApi.named("S").route(more.param("b", "string").rootInput()))
			.withMessageContaining("exactly one parameter");
	}

}
