package dev.bentocloud.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task routes: submit, status, get, retry and cancel, as BentoML's local server answers.
 */
class ServiceTaskTests {

	static final ServiceApi API = ServiceApi.named("Tasks")
		.route(ApiRoute.json("failing").task().taskDuration(Duration.ZERO).answer((call) -> {
			throw new IllegalStateException("model exploded");
		}))
		.route(ApiRoute.text("forever").task().taskDuration(Duration.ofSeconds(Long.MAX_VALUE)).answer("never"))
		.route(ApiRoute.file("report")
			.task()
			.taskDuration(Duration.ZERO)
			.fileAnswer("report.csv", "text/csv", (call) -> "a,b\n".getBytes()));

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.serviceApi("tasks", API));

	private static ServiceHttp demo;

	private static ServiceHttp tasks;

	@BeforeAll
	static void deploy() {
		emulator.get().seedDeployment("demo", "demo:1", false);
		emulator.get().seedDeployment("tasks", "tasks:1", false);
		demo = new ServiceHttp(emulator.get(), "demo");
		tasks = new ServiceHttp(emulator.get(), "tasks");
	}

	@Test
	void submittedTaskRunsForItsDurationThenAnswersItsResult() throws Exception {
		HttpResponse<String> submitted = demo.post("/long_job/submit", "{\"seconds\": 0.4}");
		assertThat(submitted.statusCode()).isEqualTo(200);
		JsonNode task = ServiceHttp.json(submitted);
		String id = task.get("task_id").stringValue();
		assertThat(id).matches("[0-9a-f]{32}");
		assertThat(task.get("status").stringValue()).isEqualTo("in_progress");
		JsonNode status = ServiceHttp.json(demo.get("/long_job/status?task_id=" + id));
		assertThat(status.get("task_id").stringValue()).isEqualTo(id);
		assertThat(status.get("status").stringValue()).isEqualTo("in_progress");
		assertThat(Instant.parse(status.get("created_at").stringValue())).isBeforeOrEqualTo(Instant.now());
		assertThat(status.get("executed_at").isNull()).isTrue();
		HttpResponse<String> early = demo.get("/long_job/get?task_id=" + id);
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(early.body()).isEqualTo("{\"error\":\"task " + id + " is not completed yet\"}");
		Thread.sleep(500);
		JsonNode done = ServiceHttp.json(demo.get("/long_job/status?task_id=" + id));
		assertThat(done.get("status").stringValue()).isEqualTo("completed");
		assertThat(Instant.parse(done.get("executed_at").stringValue()))
			.isAfter(Instant.parse(done.get("created_at").stringValue()));
		HttpResponse<String> result = demo.get("/long_job/get?task_id=" + id);
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(ServiceHttp.json(result)).isEqualTo(Http.JSON.readTree("{\"done\": true, \"seconds\": 0.4}"));
		assertThat(result.headers().firstValue("server")).hasValue("BentoML Service/ExampleService");
	}

	@Test
	void plainCallOfATaskRouteRunsSynchronously() {
		long started = System.nanoTime();
		HttpResponse<String> response = demo.post("/long_job", "{\"seconds\": 30}");
		assertThat(ServiceHttp.json(response)).isEqualTo(Http.JSON.readTree("{\"done\": true, \"seconds\": 30}"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void submitValidatesItsBody() {
		HttpResponse<String> response = demo.post("/long_job/submit", "{\"seconds\": \"soon\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(ServiceHttp.json(response).at("/detail/0/type").stringValue()).isEqualTo("float_type");
	}

	@Test
	void failedTaskAnswers500WithTheHandlersMessage() {
		String id = submit(tasks, "/failing");
		assertThat(ServiceHttp.json(tasks.get("/failing/status?task_id=" + id)).get("status").stringValue())
			.isEqualTo("failed");
		HttpResponse<String> result = tasks.get("/failing/get?task_id=" + id);
		assertThat(result.statusCode()).isEqualTo(500);
		assertThat(result.body()).isEqualTo("{\"error\":\"model exploded\"}");
	}

	@Test
	void completedFileTaskAnswersTheFile() {
		String id = submit(tasks, "/report");
		HttpResponse<String> result = tasks.get("/report/get?task_id=" + id);
		assertThat(result.body()).isEqualTo("a,b\n");
		assertThat(result.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"report.csv\"");
	}

	@Test
	void retryMakesANewTaskOnlyOnceTheOldOneFinished() {
		String running = submit(tasks, "/forever");
		HttpResponse<String> refused = tasks.post("/forever/retry?task_id=" + running, "");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(ServiceHttp.json(refused).get("error").stringValue()).contains("in_progress");
		String failed = submit(tasks, "/failing");
		HttpResponse<String> retried = tasks.post("/failing/retry?task_id=" + failed, "");
		assertThat(retried.statusCode()).isEqualTo(200);
		JsonNode task = ServiceHttp.json(retried);
		assertThat(task.get("task_id").stringValue()).matches("[0-9a-f]{32}").isNotEqualTo(failed);
		assertThat(task.get("status").stringValue()).isEqualTo("in_progress");
	}

	@Test
	void cancelAnswers400YetCancels() {
		String id = submit(tasks, "/forever");
		HttpResponse<String> cancel = tasks.put("/forever/cancel?task_id=" + id);
		assertThat(cancel.statusCode()).isEqualTo(400);
		assertThat(cancel.body()).isEqualTo("{\"error\":\"Cancelling a task is not supported\"}");
		JsonNode status = ServiceHttp.json(tasks.get("/forever/status?task_id=" + id));
		assertThat(status.get("status").stringValue()).isEqualTo("canceled");
		assertThat(status.get("executed_at").isNull()).isTrue();
		assertThat(tasks.get("/forever/get?task_id=" + id).statusCode()).isEqualTo(400);
		assertThat(tasks.post("/forever/retry?task_id=" + id, "").statusCode()).isEqualTo(200);
		// A finished task stays as it was.
		String failed = submit(tasks, "/failing");
		tasks.put("/failing/cancel?task_id=" + failed);
		assertThat(ServiceHttp.json(tasks.get("/failing/status?task_id=" + failed)).get("status").stringValue())
			.isEqualTo("failed");
	}

	@Test
	void unknownTaskIdIs404() {
		String other = submit(tasks, "/forever");
		for (HttpResponse<String> response : List.of(demo.get("/long_job/status?task_id=nope"),
				demo.get("/long_job/get?task_id=nope"), demo.post("/long_job/retry?task_id=nope", ""),
				demo.put("/long_job/cancel?task_id=nope"), demo.get("/long_job/status"),
				tasks.get("/failing/status?task_id=" + other))) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).isEqualTo("{\"error\":\"task_id not found\"}");
		}
	}

	@Test
	void taskEndpointsNeedTheirMethodAndATaskRoute() {
		assertThat(demo.get("/long_job/submit").statusCode()).isEqualTo(405);
		assertThat(demo.post("/long_job/status?task_id=x", "").statusCode()).isEqualTo(405);
		assertThat(demo.get("/long_job/cancel?task_id=x").statusCode()).isEqualTo(405);
		assertThat(demo.post("/summarize/submit", "{\"text\": \"t\"}").statusCode()).isEqualTo(404);
	}

	private static String submit(ServiceHttp service, String route) {
		HttpResponse<String> response = service.post(route + "/submit", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		return ServiceHttp.json(response).get("task_id").stringValue();
	}

}
