package dev.bentocloud.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.EnvVar;
import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Scaling;
import dev.bentocloud.client.model.ServiceConfig;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The deployment operations (create, get, list, update, apply, terminate, delete), over
 * HTTP against the emulator.
 */
class DeploymentOperationsTests {

	private static final Duration POLL = Duration.ofMillis(50);

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.deploymentReadyAfter(Duration.ofMillis(300)));

	private BentoCloudClient reactive;

	private BlockingDeploymentOperations deployments;

	@BeforeEach
	void start() {
		this.reactive = EmulatorSupport.client(this.emulator.get());
		this.deployments = this.reactive.blocking().deployments();
	}

	@Test
	void createSendsContractBodyWithClusterInQuery() {
		DeploymentConfig config = DeploymentConfig.of("iris", "iris:abc123")
			.withCluster("default")
			.withAccessAuthorization(true)
			.withEnvs(List.of(EnvVar.of("A", "1")))
			.withService("IrisClassifier", ServiceConfig.of("cpu.2", Scaling.of(1, 3)));
		Deployment created = this.deployments.create(config);
		assertThat(created.name()).isEqualTo("iris");
		assertThat(created.status()).isEqualTo("deploying");
		assertThat(created.clusterName()).isEqualTo("default");
		assertThat(created.urls()).containsExactly(this.emulator.get().deploymentUrl("iris"));
		assertThat(created.bento()).contains("iris:abc123");

		RecordedRequest request = this.emulator.get()
			.requests()
			.stream()
			.filter((r) -> r.method().equals("POST"))
			.findFirst()
			.orElseThrow();
		assertThat(request.rawQuery()).isEqualTo("cluster=default");
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.propertyNames()).containsExactly("access_authorization", "envs", "labels", "secrets",
				"services", "canary", "bento", "name", "dev");
		assertThat(body.get("access_authorization").asBoolean()).isTrue();
		assertThat(body.get("dev").asBoolean()).isFalse();
		JsonNode service = body.get("services").get("IrisClassifier");
		assertThat(service.get("instance_type").asString()).isEqualTo("cpu.2");
		assertThat(service.get("scaling").get("max_replicas").asInt()).isEqualTo(3);
		assertThat(service.get("config_overrides").isObject()).isTrue();
	}

	@Test
	void createWithoutNameLetsServerChooseAndDefaultsScaling() {
		Deployment created = this.deployments
			.create(DeploymentConfig.empty().withBento("iris:1").withService("Svc", ServiceConfig.of("cpu.1", null)));
		assertThat(created.name()).isNotBlank();
		assertThat(created.config().orElseThrow().services().get("Svc").scaling()).isEqualTo(Scaling.of(1, 1));
		RecordedRequest post = this.emulator.get().requests().get(0);
		assertThat(post.rawQuery()).isEqualTo("cluster=");
	}

	@Test
	void createValidatesBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.deployments.create(DeploymentConfig.of("x", null)))
			.withMessage("bento is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deployments
				.create(DeploymentConfig.of("x", "iris:1").withService("S", ServiceConfig.of(null, Scaling.of(-1, 1)))))
			.withMessage("min scaling values must be greater than or equal to 0");
		assertThat(this.emulator.get().requests()).isEmpty();
	}

	@Test
	void getIsEmptyWhenAbsent() {
		assertThat(this.deployments.get("nope")).isEmpty();
		this.emulator.get().seedDeployment("there", "iris:1", false);
		assertThat(this.deployments.get("there")).hasValueSatisfying((d) -> assertThat(d.isReady()).isTrue());
	}

	@Test
	void listFollowsPagesAndSendsFilters() {
		for (int i = 0; i < 130; i++) {
			this.emulator.get().seedDeployment(String.format("dep-%03d", i), "iris:1", false);
		}
		this.emulator.get().clearRequests();
		assertThat(this.deployments.list()).hasSize(130);
		assertThat(this.emulator.get().requests()).hasSize(2);
		assertThat(this.emulator.get().requests().get(0).rawQuery())
			.isEqualTo("cluster=&all=true&count=100&q=&search=&start=0");
		this.emulator.get().clearRequests();
		assertThat(this.deployments
			.list(DeploymentQuery.all().withSearch("dep-12").withCluster("default").withLabel("team", "ml"))).isEmpty();
		Map<String, List<String>> params = this.emulator.get().requests().get(0).queryParams();
		assertThat(params).containsEntry("cluster", List.of("default"))
			.containsEntry("search", List.of("dep-12"))
			.containsEntry("q", List.of("label:team=ml"))
			.containsEntry("all", List.of(""));
		assertThat(this.deployments.list(DeploymentQuery.all().withSearch("dep-12"))).hasSize(10);
	}

	@Test
	void updateDeepMergesAndReplacesLists() {
		this.deployments.create(DeploymentConfig.of("svc", "iris:1")
			.withEnvs(List.of(EnvVar.of("A", "1"), EnvVar.of("B", "2")))
			.withAccessAuthorization(true)
			.withService("Svc", ServiceConfig.of("cpu.2", Scaling.of(1, 3))));
		this.emulator.get().clearRequests();
		Deployment updated = this.deployments.update(DeploymentConfig.empty()
			.withName("svc")
			.withEnvs(List.of(EnvVar.of("C", "3")))
			.withService("Svc", new ServiceConfig(null, Scaling.of(null, 5), null, null, null, null, null)));
		DeploymentConfig config = updated.config().orElseThrow();
		assertThat(config.envs()).containsExactly(EnvVar.of("C", "3"));
		assertThat(config.accessAuthorization()).isTrue();
		assertThat(config.services().get("Svc").instanceType()).isEqualTo("cpu.2");
		assertThat(config.services().get("Svc").scaling()).isEqualTo(Scaling.of(1, 5));
		assertThat(updated.bento()).contains("iris:1");
		List<RecordedRequest> requests = this.emulator.get().requests();
		assertThat(requests).extracting(RecordedRequest::method).containsExactly("GET", "PUT");
		assertThat(requests.get(1).rawQuery()).isEqualTo("cluster=default");
		assertThat(JsonMapper.builder().build().readTree(requests.get(1).body()).propertyNames())
			.containsExactly("access_authorization", "envs", "labels", "secrets", "services", "canary", "bento");
	}

	@Test
	void updateOfMissingDeploymentIsNotFound() {
		assertThatExceptionOfType(BentoCloudNotFoundException.class)
			.isThrownBy(() -> this.deployments.update(DeploymentConfig.empty().withName("ghost")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.deployments.update(DeploymentConfig.empty()))
			.withMessage("name is required");
	}

	@Test
	void applyCreatesThenReplaces() {
		Deployment created = this.deployments.apply(DeploymentConfig.of("app", "iris:1")
			.withEnvs(List.of(EnvVar.of("A", "1")))
			.withService("Svc", ServiceConfig.of("cpu.2", Scaling.of(2, 4))));
		assertThat(created.name()).isEqualTo("app");
		Deployment replaced = this.deployments
			.apply(DeploymentConfig.of("app", "iris:2").withService("Svc", ServiceConfig.of("cpu.1", null)));
		DeploymentConfig config = replaced.config().orElseThrow();
		assertThat(config.envs()).isNullOrEmpty();
		assertThat(config.services().get("Svc").scaling()).isEqualTo(Scaling.of(1, 1));
		assertThat(replaced.bento()).contains("iris:2");
	}

	@Test
	void applyRefusesAnotherClusterButAcceptsNoCluster() {
		this.emulator.get().seedDeployment("app", "iris:1", false);
		assertThat(this.deployments.apply(DeploymentConfig.of("app", "iris:3")).bento()).contains("iris:3");
		this.emulator.get()
			.faults()
			.on("GET", "/api/v2/deployments/app")
			.times(1)
			.body(200, deploymentInCluster("app", "eu-west"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deployments.apply(DeploymentConfig.of("app", "iris:3").withCluster("us-east")))
			.withMessage("Deployment cluster cannot be changed, current cluster is eu-west");
	}

	private static String deploymentInCluster(String name, String cluster) {
		return "{\"uid\":\"d1\",\"name\":\"" + name + "\",\"status\":\"running\",\"cluster\":{\"name\":\"" + cluster
				+ "\"},\"latest_revision\":null}";
	}

	@Test
	void terminateThenDelete() {
		this.emulator.get().seedDeployment("t", "iris:1", false);
		assertThat(this.deployments.terminate("t").status()).isEqualTo("terminating");
		assertThatExceptionOfType(DeploymentNotReadyException.class)
			.isThrownBy(() -> this.deployments.waitUntilReady("t", Duration.ofSeconds(5), POLL))
			.withMessageContaining("terminat");
		assertThat(this.deployments.delete("t").name()).isEqualTo("t");
		assertThat(this.deployments.get("t")).isEmpty();
		assertThatExceptionOfType(BentoCloudNotFoundException.class).isThrownBy(() -> this.deployments.delete("t"));
	}

	@Test
	void waitUntilReadyEmitsStatusChangesUntilRunning() {
		this.deployments.create(DeploymentConfig.of("w", "iris:1"));
		StepVerifier.create(this.reactive.deployments().waitUntilReady("w", Duration.ofSeconds(10), POLL))
			.assertNext((d) -> assertThat(d.status()).isEqualTo("deploying"))
			.assertNext((d) -> assertThat(d.status()).isEqualTo("running"))
			.verifyComplete();
	}

	@Test
	void waitUntilReadyFailsOnTerminalStatus() {
		this.emulator.get().seedDeployment("f", "iris:1", false);
		this.emulator.get().setDeploymentStatus("f", "image-build-failed");
		assertThatExceptionOfType(DeploymentNotReadyException.class)
			.isThrownBy(() -> this.deployments.waitUntilReady("f", Duration.ofSeconds(5), POLL))
			.satisfies((ex) -> {
				assertThat(ex.getLastStatus()).isEqualTo("image-build-failed");
				assertThat(ex.isTimedOut()).isFalse();
			});
	}

	@Test
	void waitUntilReadyTimesOut() {
		this.emulator.get().seedDeployment("slow", "iris:1", false);
		this.emulator.get().setDeploymentStatus("slow", "image-building");
		assertThatExceptionOfType(DeploymentNotReadyException.class)
			.isThrownBy(() -> this.deployments.waitUntilReady("slow", Duration.ofMillis(400), POLL))
			.satisfies((ex) -> {
				assertThat(ex.isTimedOut()).isTrue();
				assertThat(ex.getLastStatus()).isEqualTo("image-building");
			});
	}

	@Test
	void waitUntilReadyOfMissingDeploymentIsNotFound() {
		assertThatExceptionOfType(BentoCloudNotFoundException.class)
			.isThrownBy(() -> this.deployments.waitUntilReady("ghost", Duration.ofSeconds(1), POLL));
	}

	@Test
	void instanceTypes() {
		List<InstanceType> types = this.reactive.blocking().instanceTypes();
		assertThat(types).isNotEmpty();
		assertThat(types).allSatisfy((t) -> assertThat(t.name()).isNotBlank());
		this.emulator.get().clearRequests();
		this.reactive.blocking().instanceTypes("default");
		assertThat(this.emulator.get().requests().get(0).rawQuery()).isEqualTo("cluster=default");
	}

}
