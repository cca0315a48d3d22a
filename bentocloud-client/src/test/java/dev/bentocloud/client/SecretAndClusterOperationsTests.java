package dev.bentocloud.client;

import java.util.List;

import dev.bentocloud.client.model.Cluster;
import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.SecretContent;
import dev.bentocloud.client.model.SecretItem;
import dev.bentocloud.client.model.UpdateSecretRequest;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secrets, clusters, void_update and the BentoML version header, against the
 * emulator.get().
 */
class SecretAndClusterOperationsTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension(
			(builder) -> builder.seedDemoData(false));

	private BlockingBentoCloudClient client;

	@BeforeEach
	void start() {
		this.client = EmulatorSupport.client(this.emulator.get()).blocking();
	}

	@Test
	void secretLifecycle() {
		Secret created = this.client.secrets()
			.create(CreateSecretRequest.of("db", SecretContent.env(List.of(SecretItem.of("PASSWORD", "hunter2"))))
				.withCluster("eu-west"));
		assertThat(created.name()).isEqualTo("db");
		assertThat(created.clusterName()).isEqualTo("eu-west");
		assertThat(created.content().items()).extracting(SecretItem::key).containsExactly("PASSWORD");
		assertThat(created.toString()).doesNotContain("hunter2");

		assertThat(this.client.secrets().get("db", "eu-west")).isPresent();
		assertThat(this.client.secrets().get("db", "us-east")).isEmpty();
		assertThat(this.client.secrets().list()).extracting(Secret::name).containsExactly("db");

		Secret updated = this.client.secrets()
			.update(UpdateSecretRequest.of("db", SecretContent.env(List.of(SecretItem.of("PASSWORD", "x"))))
				.withDescription("rotated")
				.withCluster("eu-west"));
		assertThat(updated.description()).isEqualTo("rotated");
		RecordedRequest patch = this.emulator.get()
			.requests()
			.stream()
			.filter((r) -> r.method().equals("PATCH"))
			.findFirst()
			.orElseThrow();
		assertThat(patch.rawQuery()).isEqualTo("cluster=eu-west");

		this.client.secrets().delete("db", "eu-west");
		assertThat(this.client.secrets().list()).isEmpty();
		assertThatExceptionOfType(BentoCloudNotFoundException.class)
			.isThrownBy(() -> this.client.secrets().delete("db"));
	}

	@Test
	void secretsListPagesThroughEverySecret() {
		for (int i = 0; i < 105; i++) {
			this.client.secrets()
				.create(CreateSecretRequest.of(String.format("s-%03d", i),
						SecretContent.env(List.of(SecretItem.of("K", "V")))));
		}
		this.emulator.get().clearRequests();
		assertThat(this.client.secrets().list()).hasSize(105);
		assertThat(this.emulator.get().requests()).hasSize(2);
	}

	@Test
	void clusters() {
		assertThat(this.client.clusters().list()).extracting(Cluster::name).containsExactly("default");
		this.client.deployments().create(DeploymentConfig.of("iris", "iris:1").withCluster("eu-west"));
		assertThat(this.client.clusters().list()).extracting(Cluster::name).containsExactly("default", "eu-west");
		assertThat(this.client.clusters().get("default")).hasValueSatisfying((c) -> assertThat(c.first()).isTrue());
		assertThat(this.client.clusters().get("nowhere")).isEmpty();
	}

	@Test
	void voidUpdateRedeploysUnchanged() {
		this.client.deployments().create(DeploymentConfig.of("iris", "iris:1"));
		this.emulator.get().clearRequests();
		assertThat(this.client.deployments().voidUpdate("iris").name()).isEqualTo("iris");
		RecordedRequest put = this.emulator.get().requests().get(0);
		assertThat(put.method()).isEqualTo("PUT");
		assertThat(put.path()).isEqualTo("/api/v2/deployments/iris/void_update");
		assertThat(put.rawQuery()).isEqualTo("cluster=");
		assertThat(put.body()).isEmpty();
	}

	@Test
	void bentomlVersionHeaderOnEveryCallAndOverridable() {
		this.client.currentUser();
		assertThat(this.emulator.get().requests().get(0).header("X-Bentoml-Version"))
			.isEqualTo(BentoCloudClientBuilder.DEFAULT_BENTOML_VERSION);
		this.emulator.get().clearRequests();
		EmulatorSupport.clientBuilder(this.emulator.get())
			.bentomlVersion("1.4.40")
			.build()
			.blocking()
			.currentOrganization();
		assertThat(this.emulator.get().requests().get(0).header("X-Bentoml-Version")).isEqualTo("1.4.40");
	}

}
