package dev.bentocloud.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Service APIs from a seed file, from the builder and from serveApi, and what reset
 * keeps.
 */
class ServiceSeedTests {

	private static final String YAML = """
			demoData: false
			deployments:
			  - name: summarizer
			    bento: summarizer:v1
			services:
			  - deployment: summarizer
			    name: Summarizer
			    routes:
			      - name: summarize
			        output: text
			        params: {text: string}
			        optional: {max_words: {type: integer, default: 50}}
			        answer: "A short summary"
			      - name: classify
			        path: /v1/classify
			        params: {input: "number[]"}
			        answer: {label: positive, scores: [0.9, 0.1]}
			        batchable: true
			      - name: words
			        output: stream
			        params: {prompt: string}
			        chunks: ["a", "b", "c"]
			        chunkPause: 50ms
			      - name: report
			        output: file
			        filename: report.txt
			        contentType: text/plain
			        answer: "line 1"
			      - name: job
			        task: true
			        taskDuration: 1s
			        params: {audio: file, frames: "file[]"}
			""";

	@TempDir
	Path dir;

	@Test
	void seedFileDeclaresTheServicesRoutes() throws Exception {
		Path file = Files.writeString(this.dir.resolve("seed.yaml"), YAML);
		BentoCloudEmulatorMain.Options options = BentoCloudEmulatorMain.Options
			.parse(new String[] { "--seed", file.toString() });
		try (BentoCloudEmulator emulator = BentoCloudEmulatorMain.builder(options).start()) {
			ServiceHttp service = new ServiceHttp(emulator, "summarizer");
			JsonNode schema = ServiceHttp.json(service.get("/schema.json"));
			assertThat(schema.get("name").stringValue()).isEqualTo("Summarizer");
			assertThat(schema.at("/routes/0/input")).isEqualTo(Http.JSON.readTree("""
					{"type": "object", "properties": {"text": {"type": "string"},
					 "max_words": {"type": "integer", "default": 50}}, "required": ["text"]}"""));
			assertThat(schema.at("/routes/1/batchable").booleanValue()).isTrue();
			assertThat(schema.at("/routes/4/is_task").booleanValue()).isTrue();
			assertThat(schema.at("/routes/4/input/properties/frames")).isEqualTo(
					Http.JSON.readTree("{\"type\":\"array\",\"items\":{\"type\":\"file\",\"format\":\"binary\"}}"));
			HttpResponse<String> summary = service.post("/summarize", "{\"text\": \"long\"}");
			assertThat(summary.body()).isEqualTo("A short summary");
			assertThat(summary.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
			assertThat(ServiceHttp.json(service.post("/v1/classify", "{\"input\": [1]}")))
				.isEqualTo(Http.JSON.readTree("{\"label\": \"positive\", \"scores\": [0.9, 0.1]}"));
			long started = System.nanoTime();
			assertThat(service.post("/words", "{\"prompt\": \"p\"}").body()).isEqualTo("abc");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
			HttpResponse<byte[]> report = service.postBytes("/report", "application/json",
					"{}".getBytes(StandardCharsets.UTF_8));
			assertThat(new String(report.body(), StandardCharsets.UTF_8)).isEqualTo("line 1");
			assertThat(report.headers().firstValue("content-disposition"))
				.hasValue("attachment; filename=\"report.txt\"");
			emulator.serveApi("summarizer", ServiceApi.named("Other"));
			emulator.reset();
			assertThat(ServiceHttp.json(service.get("/schema.json")).get("name").stringValue()).isEqualTo("Summarizer");
		}
	}

	@Test
	void mistakesInTheServicesSectionAreNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorSeed.parse("services: [{deployment: d, routes: [{name: r, outptu: text}]}]"))
			.withMessageContaining("services[0]")
			.withMessageContaining("unknown key 'outptu'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorSeed.parse("services: [{deployment: d, routes: [{name: r, output: xml}]}]"))
			.withMessageContaining("route r")
			.withMessageContaining("output must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorSeed
				.parse("services: [{deployment: d, routes: [{name: r, output: stream, chunkPause: soon}]}]"))
			.withMessageContaining("chunkPause");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorSeed.parse("services: [{deployment: d, routes: [{name: r, params: {a: str}}]}]"))
			.withMessageContaining("jsonType");
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorSeed.parse("services: [{name: S}]"))
			.withMessageContaining("'deployment' is missing");
	}

	@Test
	void serveApiAppliesAtOnceAndResetGoesBackToTheBuildersApis() {
		ServiceApi declared = ServiceApi.named("Declared").route(ApiRoute.text("hello").answer("hi"));
		try (BentoCloudEmulator emulator = BentoCloudEmulator.builder().serviceApi("a", declared).start()) {
			emulator.serveApi("b", ServiceApi.named("Later").route(ApiRoute.text("bye").answer("ciao")));
			emulator.seedDeployment("a", "a:1", false);
			emulator.seedDeployment("b", "b:1", false);
			ServiceHttp a = new ServiceHttp(emulator, "a");
			ServiceHttp b = new ServiceHttp(emulator, "b");
			assertThat(a.post("/hello", "{}").body()).isEqualTo("hi");
			assertThat(b.post("/bye", "{}").body()).isEqualTo("ciao");
			emulator.serveApi("a", ServiceApi.named("Replaced"));
			assertThat(a.post("/hello", "{}").statusCode()).isEqualTo(404);
			emulator.seedDeployment("c", "c:1", false);
			ServiceHttp c = new ServiceHttp(emulator, "c");
			String task = ServiceHttp.json(c.post("/long_job/submit", "{\"seconds\": 1}")).get("task_id").stringValue();
			emulator.reset();
			emulator.seedDeployment("a", "a:1", false);
			emulator.seedDeployment("b", "b:1", false);
			assertThat(a.post("/hello", "{}").body()).isEqualTo("hi");
			assertThat(ServiceHttp.json(b.get("/schema.json")).get("name").stringValue()).isEqualTo("ExampleService");
			emulator.seedDeployment("c", "c:1", false);
			assertThat(c.get("/long_job/status?task_id=" + task).statusCode()).as("tasks are forgotten").isEqualTo(404);
		}
	}

}
