package dev.bentocloud.client;

import java.time.Instant;
import java.util.List;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.emulator.RecordedRequest;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The current user and organization and the API token operations, over HTTP against the
 * emulator.
 */
class ApiTokenOperationsTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private BlockingBentoCloudClient client;

	@BeforeEach
	void start() {
		this.client = EmulatorSupport.client(this.emulator.get()).blocking();
	}

	@Test
	void currentUserAndOrganization() {
		assertThat(this.client.currentUser().name()).isEqualTo("demo");
		assertThat(this.client.currentUser().email()).isEqualTo("demo@example.com");
		assertThat(this.client.currentUser().displayName()).isEqualTo("Demo User");
		assertThat(this.client.currentOrganization().name()).isEqualTo("acme");
	}

	@Test
	void listFollowsEveryPageBeyondOneHundred() {
		int before = this.client.apiTokens().list().size();
		this.emulator.get().seedApiTokens(1050);
		this.emulator.get().clearRequests();
		List<ApiToken> tokens = this.client.apiTokens().list();
		assertThat(tokens).hasSize(before + 1050);
		assertThat(tokens).extracting(ApiToken::uid).doesNotHaveDuplicates();
		List<RecordedRequest> pages = this.emulator.get().requests();
		assertThat(pages).hasSizeGreaterThanOrEqualTo(11);
		assertThat(pages.get(0).rawQuery()).isEqualTo("start=0&count=100");
		assertThat(pages.get(1).rawQuery()).isEqualTo("start=100&count=100");
	}

	@Test
	void listWithSearch() {
		this.emulator.get().seedApiTokens(250);
		this.emulator.get().clearRequests();
		List<ApiToken> tokens = this.client.apiTokens().list("token-001");
		assertThat(tokens).extracting(ApiToken::name).hasSize(100).allMatch((name) -> name.startsWith("token-001"));
		assertThat(this.emulator.get().requests().get(0).queryParams()).containsEntry("search", List.of("token-001"));
	}

	@Test
	void createSendsTheContractBodyAndTheTokenIsUsable() {
		Instant expiry = Instant.parse("2030-06-01T12:30:00Z");
		this.emulator.get().clearRequests();
		ApiToken created = this.client.apiTokens()
			.create(CreateApiTokenRequest.named("ci")
				.withDescription("for CI")
				.withScopes(ApiTokenScope.API, ApiTokenScope.READ_CLUSTER, ApiTokenScope.of("custom_scope"))
				.withExpiry(expiry));
		assertThat(created.token()).isNotBlank();
		assertThat(created.name()).isEqualTo("ci");
		assertThat(created.scopes()).contains(ApiTokenScope.API, ApiTokenScope.READ_CLUSTER,
				ApiTokenScope.of("custom_scope"));
		assertThat(created.expiredAt()).isEqualTo(expiry);
		assertThat(created.toString()).doesNotContain(created.token());

		RecordedRequest request = this.emulator.get().requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v1/api_tokens");
		assertThat(request.header("content-type")).startsWith("application/json");
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.propertyNames()).containsExactly("name", "description", "scopes", "expired_at");
		assertThat(body.get("expired_at").asString()).isEqualTo("2030-06-01 12:30:00.000000");
		assertThat(body.get("scopes").toString()).isEqualTo("[\"api\",\"read_cluster\",\"custom_scope\"]");

		BentoCloudClient withNewToken = EmulatorSupport.clientBuilder(this.emulator.get())
			.apiToken(created.token())
			.build();
		assertThat(withNewToken.currentUser().block().name()).isEqualTo("demo");
	}

	@Test
	void minimalCreateSendsNulls() {
		this.emulator.get().clearRequests();
		this.client.apiTokens().create(CreateApiTokenRequest.named("min"));
		assertThat(this.emulator.get().requests().get(0).body())
			.isEqualTo("{\"name\":\"min\",\"description\":null,\"scopes\":null,\"expired_at\":null}");
	}

	@Test
	void getIsEmptyWhenAbsentAndDeleteRemoves() {
		ApiToken created = this.client.apiTokens().create(CreateApiTokenRequest.named("temp"));
		assertThat(this.client.apiTokens().get(created.uid())).hasValueSatisfying((t) -> {
			assertThat(t.name()).isEqualTo("temp");
			assertThat(t.token()).isNull();
		});
		this.client.apiTokens().delete(created.uid());
		assertThat(this.client.apiTokens().get(created.uid())).isEmpty();
		assertThatExceptionOfType(BentoCloudNotFoundException.class)
			.isThrownBy(() -> this.client.apiTokens().delete(created.uid()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void legacyRecordNotFoundIsNotFound() {
		this.emulator.get().legacyNotFound(true);
		assertThat(this.client.apiTokens().get("no-such-uid")).isEmpty();
		assertThatExceptionOfType(BentoCloudNotFoundException.class)
			.isThrownBy(() -> this.client.apiTokens().delete("no-such-uid"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
	}

	@Test
	void pathVariablesAreEncoded() {
		this.emulator.get().clearRequests();
		assertThat(this.client.apiTokens().get("a b/c")).isEmpty();
		assertThat(this.emulator.get().requests().get(0).path()).isEqualTo("/api/v1/api_tokens/a%20b%2Fc");
	}

}
