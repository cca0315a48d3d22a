package dev.bentocloud.client.service;

import java.net.URI;
import java.util.List;

import dev.bentocloud.client.DeploymentNotReadyException;
import dev.bentocloud.client.model.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where a deployment's URL may take the service token: as BentoML's {@code get_client()}
 * requires (running, one URL), and only to loopback or a trusted domain, since the URL is
 * the server's word.
 */
class DeploymentUrlTests {

	private final BentoServiceClientFactory factory = BentoServiceClientFactory.builder().defaultToken("t").build();

	private static Deployment deployment(String status, String... urls) {
		return new Deployment(null, "summarizer", status, null, null, null, null, null, null, null, List.of(urls),
				List.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://summarizer-acme.mt-guc1.bentoml.ai", "https://x.cloud.bentoml.com",
			"http://127.0.0.1:3000/__services/summarizer", "http://localhost:8080" })
	void trustedHostsAndLoopback(String url) {
		assertThat(this.factory.urlOf(deployment("running", url))).isEqualTo(URI.create(url));
		assertThat(this.factory.create(deployment("scaled-to-zero", url))).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "https://attacker.example.com", "https://bentoml.ai.attacker.com", "https://evilbentoml.ai" })
	void otherHostsGetNoToken(String url) {
		assertThatIllegalStateException().isThrownBy(() -> this.factory.create(deployment("running", url)))
			.withMessageContaining("not under a trusted domain")
			.withMessageContaining("deploymentHosts");
	}

	@Test
	void domainsCanBeAddedOrAnyTrusted() {
		BentoServiceClientFactory selfHosted = BentoServiceClientFactory.builder()
			.deploymentHosts(List.of(".yatai.example.org"))
			.build();
		assertThat(selfHosted.urlOf(deployment("running", "https://svc.yatai.example.org"))).isNotNull();
		assertThatIllegalStateException()
			.isThrownBy(() -> selfHosted.urlOf(deployment("running", "https://x.bentoml.ai")));
		BentoServiceClientFactory any = BentoServiceClientFactory.builder().deploymentHosts(List.of("*")).build();
		assertThat(any.urlOf(deployment("running", "https://anything.example.net"))).isNotNull();
	}

	@Test
	void notRunningOrNoSingleUrl() {
		assertThatExceptionOfType(DeploymentNotReadyException.class)
			.isThrownBy(() -> this.factory.urlOf(deployment("deploying", "https://x.bentoml.ai")))
			.withMessageContaining("is deploying");
		assertThatExceptionOfType(DeploymentNotReadyException.class)
			.isThrownBy(() -> this.factory.urlOf(deployment("running")))
			.withMessageContaining("0 URLs");
	}

}
