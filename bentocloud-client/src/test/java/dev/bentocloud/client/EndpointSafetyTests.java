package dev.bentocloud.client;

import java.net.URI;
import java.time.Duration;

import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Where a token may go over plain http: loopback only, unless explicitly allowed (with a
 * warning).
 */
@ExtendWith(OutputCaptureExtension.class)
class EndpointSafetyTests {

	private static final String TOKEN = "SECRET-TOKEN-7f3a9c";

	@ParameterizedTest
	@ValueSource(strings = { "http://bentocloud.example.com", "http://10.0.0.7:8080", "http://127.example.com",
			"http://127.0.0.1.nip.io", "http://localhost.example.com", "http://[::2]" })
	void plainHttpToANonLoopbackHostIsRefused(String endpoint) {
		assertThatIllegalStateException()
			.isThrownBy(() -> BentoCloudClient.builder().endpoint(endpoint).apiToken(TOKEN).build())
			.withMessageContaining("plain http")
			.withMessageContaining("BentoCloudClientBuilder.allowInsecureEndpoint(true)")
			.withMessageNotContaining(TOKEN);
		assertThatIllegalStateException().isThrownBy(() -> serviceClients(false).create(URI.create(endpoint + "/svc")))
			.withMessageContaining("BentoServiceClientFactory.Builder.allowInsecureEndpoint(true)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:3000", "http://127.1.2.3", "http://localhost:3000",
			"http://api.localhost", "http://[::1]:3000", "https://bentocloud.example.com" })
	void loopbackOrHttpsIsAllowedSilently(String endpoint, CapturedOutput output) {
		assertThatNoException().isThrownBy(() -> BentoCloudClient.builder().endpoint(endpoint).apiToken(TOKEN).build());
		assertThatNoException().isThrownBy(() -> serviceClients(false).create(URI.create(endpoint + "/svc")));
		assertThat(output).doesNotContain("plain http");
	}

	@Test
	void plainHttpToARemoteHostWhenAllowedWarnsWithoutTheToken(CapturedOutput output) {
		BentoCloudClient.builder()
			.endpoint("http://bentocloud.example.com")
			.apiToken(TOKEN)
			.allowInsecureEndpoint(true)
			.build();
		serviceClients(true).create(URI.create("http://svc.example.com/x"));
		assertThat(output).contains("plain http to bentocloud.example.com")
			.contains("plain http to svc.example.com")
			.contains("Allowed by BentoCloudClientBuilder.allowInsecureEndpoint(true)")
			.contains("Allowed by BentoServiceClientFactory.Builder.allowInsecureEndpoint(true)")
			.doesNotContain(TOKEN);
	}

	@Test
	void withoutATokenPlainHttpIsNotAConcern() {
		assertThatNoException().isThrownBy(() -> BentoCloudClient.builder().endpoint("http://example.com").build());
	}

	private static BentoServiceClientFactory serviceClients(boolean allowInsecure) {
		return BentoServiceClientFactory.builder()
			.connectTimeout(Duration.ofSeconds(1))
			.callTimeout(Duration.ofSeconds(1))
			.defaultToken(TOKEN)
			.allowInsecureEndpoint(allowInsecure)
			.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://acme.cloud.bentoml.com", "http://127.0.0.1:3001", "HTTPS://host/path",
			" https://padded.example.com " })
	void httpUrlsWithAHostAreEndpoints(String endpoint) {
		assertThat(BentoCloudEndpoints.isHttpUrl(endpoint)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "localhost:8081", "ftp://host", "https:///path", "acme.cloud.bentoml.com", "http://[bad", "" })
	void otherUrlsAreNotEndpoints(String endpoint) {
		assertThat(BentoCloudEndpoints.isHttpUrl(endpoint)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://bentocloud.example.com", "HTTP://10.0.0.7", "http://127.example.com" })
	void plainHttpToARemoteHostExposesAToken(String endpoint) {
		assertThat(BentoCloudEndpoints.exposesToken(URI.create(endpoint))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://bentocloud.example.com", "http://localhost:3000", "http://127.0.0.2",
			"http://[::1]:3000" })
	void httpsOrLoopbackKeepsATokenOffTheNetwork(String endpoint) {
		assertThat(BentoCloudEndpoints.exposesToken(URI.create(endpoint))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://127.0.0.1:3000", "wss://acme.cloud.bentoml.com", "ftp://host", "file:///etc",
			"acme.cloud.bentoml.com" })
	void buildersRefuseEndpointsThatAreNotHttp(String endpoint) {
		assertThatIllegalArgumentException().isThrownBy(() -> BentoCloudClient.builder().endpoint(endpoint))
			.withMessageContaining("http or https");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> serviceClients(false).create(URI.create(endpoint), "service-token"))
			.withMessageContaining("http or https");
	}

}
