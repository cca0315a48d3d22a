package dev.bentocloud.client.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tasks ({@code @bentoml.task}, contract 6.1): submit, status, get, retry and cancel on
 * the wire, waiting with bounded polling, and a task that never completes.
 */
class ServiceTaskTests {

	private static final String ID = "0123456789abcdef0123456789abcdef";

	private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON = new org.springframework.core.ParameterizedTypeReference<>() {
	};

	private ScriptedService service;

	private final AtomicInteger statusCalls = new AtomicInteger();

	@BeforeEach
	void start() {
		this.service = ServiceTestSupport.scriptedService()
			.json("POST /long_job/submit", 200, "{\"task_id\":\"" + ID + "\",\"status\":\"in_progress\"}");
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private BlockingBentoServiceClient client() {
		return ServiceTestSupport.blockingClient(this.service.url());
	}

	private void statusAfter(int pendingPolls, String finalStatus) {
		this.service.on("GET /long_job/status", (exchange) -> {
			String status = (this.statusCalls.incrementAndGet() > pendingPolls) ? finalStatus : "in_progress";
			ScriptedService.send(exchange, 200, "application/json", "{\"task_id\":\"" + ID + "\",\"status\":\"" + status
					+ "\",\"created_at\":\"2026-12-03T09:00:00.5\",\"executed_at\":null}");
		});
	}

	@Test
	void submitPollAndGetTheResult() {
		statusAfter(2, "completed");
		this.service.json("GET /long_job/get", 200, "{\"done\":true}");
		BlockingBentoTask task = client().submit("long_job", Map.of("seconds", 1.5));
		assertThat(task.id()).isEqualTo(ID);
		Map<String, Object> result = task.await(Duration.ofSeconds(5), JSON);
		assertThat(result).containsEntry("done", true);
		assertThat(this.statusCalls.get()).isEqualTo(3);
		ScriptedService.Received submit = this.service.received("POST /long_job/submit").get(0);
		assertThat(submit.bodyText()).isEqualTo("{\"seconds\":1.5}");
		assertThat(submit.header("content-type")).isEqualTo("application/json");
		assertThat(this.service.received("GET /long_job/status").get(0).query()).isEqualTo("task_id=" + ID);
		assertThat(this.service.received("GET /long_job/get").get(0).query()).isEqualTo("task_id=" + ID);
		TaskStatus status = task.status();
		assertThat(status.state()).isEqualTo(TaskState.COMPLETED);
		assertThat(status.createdAt()).hasToString("2026-12-03T09:00:00.500Z");
		assertThat(status.executedAt()).isNull();
	}

	@Test
	void aTaskThatNeverCompletesTimesOutWithItsLastStatus() {
		statusAfter(Integer.MAX_VALUE, "completed");
		BlockingBentoTask task = client().submit("long_job", Map.of("seconds", 1));
		long start = System.nanoTime();
		assertThatExceptionOfType(BentoTaskException.class)
			.isThrownBy(() -> task.await(Duration.ofMillis(1500), Map.class))
			.withMessageContaining("did not finish within 1500 ms (status: in_progress)")
			.satisfies((ex) -> assertThat(ex.getState()).isEqualTo(TaskState.IN_PROGRESS));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		// bounded polling with growing pauses, not BentoML's busy loop
		assertThat(this.statusCalls.get()).isBetween(3, 6);
	}

	@Test
	void aFailedTaskReportsTheServersError() {
		statusAfter(0, "failed");
		this.service.json("GET /long_job/get", 500, "{\"error\":\"CUDA out of memory\"}");
		BlockingBentoTask task = client().submit("long_job", Map.of("seconds", 1));
		assertThatExceptionOfType(BentoTaskException.class)
			.isThrownBy(() -> task.await(Duration.ofSeconds(5), Map.class))
			.withMessageContaining("failed")
			.withMessageContaining("CUDA out of memory")
			.satisfies((ex) -> assertThat(ex.getState()).isEqualTo(TaskState.FAILED));
	}

	@Test
	void cancelAcceptsBentoMlsFourHundredWhenTheTaskIsCanceled() {
		statusAfter(0, "canceled");
		this.service.json("PUT /long_job/cancel", 400, "{\"error\":\"Cancelling a task is not supported\"}");
		BlockingBentoTask task = client().task("long_job", ID);
		task.cancel();
		assertThat(this.service.received("PUT /long_job/cancel").get(0).query()).isEqualTo("task_id=" + ID);
		assertThat(task.status().state()).isEqualTo(TaskState.CANCELED);
	}

	@Test
	void cancelFailsWhenTheTaskWasNotCanceled() {
		statusAfter(Integer.MAX_VALUE, "completed");
		this.service.json("PUT /long_job/cancel", 400, "{\"error\":\"Cancelling a task is not supported\"}");
		assertThatExceptionOfType(BentoServiceException.class).isThrownBy(() -> client().task("long_job", ID).cancel())
			.withMessageContaining("Cancelling a task is not supported");
	}

	@Test
	void retryGivesANewTaskAndUnknownIdsAreNotFound() {
		this.service.json("POST /long_job/retry", 200, "{\"task_id\":\"ffff\",\"status\":\"in_progress\"}");
		BlockingBentoTask retried = client().task("long_job", ID).retry();
		assertThat(retried.id()).isEqualTo("ffff");
		assertThat(this.service.received("POST /long_job/retry").get(0).query()).isEqualTo("task_id=" + ID);
		this.service.json("GET /long_job/status", 404, "{\"error\":\"task_id not found\"}");
		assertThatExceptionOfType(BentoServiceException.class)
			.isThrownBy(() -> client().task("long_job", "nope").status())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404))
			.withMessageContaining("task_id not found");
	}

	@Test
	void submitOnARouteThatIsNotATaskIsRefusedBeforeSending() {
		assertThatExceptionOfType(InvalidServiceCallException.class)
			.isThrownBy(() -> client().submit("summarize", Map.of("text", "t")))
			.withMessageContaining("not a task");
		assertThatExceptionOfType(InvalidServiceCallException.class)
			.isThrownBy(() -> client().submit("long_job", Map.of()))
			.withMessageContaining("Missing required arguments in route long_job: seconds");
		assertThat(this.service.received()).extracting(ScriptedService.Received::path).containsOnly("/schema.json");
	}

}
