package dev.bentocloud.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's authentication: the management API's token header and the answers
 * without a valid token.
 */
class AuthTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final Http http = Http.of(this.emulator);

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/auth/current", "/api/v1/current_org", "/api/v1/api_tokens", "/api/v2/deployments",
			"/api/v1/instance_types", "/api/v1/org_secrets", "/api/v1/org_secrets/s", "/api/v1/clusters",
			"/api/v1/clusters/default", "/api/v1/no_such_thing" })
	void missingTokenIs401WithMessage(String path) {
		HttpResponse<String> response = this.http.withToken(null).get(path);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Http.json(response).get("message").stringValue()).isEqualTo("Bad credentials");
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
	}

	@Test
	void wrongTokenIs401() {
		assertThat(this.http.withToken("emu_wrong").get("/api/v1/auth/current").statusCode()).isEqualTo(401);
		assertThat(this.http.withToken("").get("/api/v1/auth/current").statusCode()).isEqualTo(401);
	}

	@Test
	void validTokenIs200() {
		assertThat(this.http.getJson("/api/v1/auth/current").get("name").stringValue()).isEqualTo("demo");
	}

	@Test
	void revokedTokenIs401() {
		String token = this.emulator.get().createUserWithToken("bob", "bob@example.com");
		Http bob = this.http.withToken(token);
		assertThat(bob.getJson("/api/v1/auth/current").get("email").stringValue()).isEqualTo("bob@example.com");
		this.emulator.get().revokeToken(token);
		assertThat(bob.get("/api/v1/auth/current").statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/v1/auth/current").statusCode()).isEqualTo(200);
	}

	@Test
	void deletedTokenIs401() {
		String created = Http.ok(this.http.post("/api/v1/api_tokens", "{\"name\":\"short-lived\"}")).body();
		String uid = Http.JSON.readTree(created).get("uid").stringValue();
		Http other = this.http.withToken(Http.JSON.readTree(created).get("token").stringValue());
		assertThat(other.get("/api/v1/current_org").statusCode()).isEqualTo(200);
		Http.ok(this.http.delete("/api/v1/api_tokens/" + uid));
		assertThat(other.get("/api/v1/current_org").statusCode()).isEqualTo(401);
	}

	@Test
	void expiredTokenIs401() {
		String created = Http
			.ok(this.http.post("/api/v1/api_tokens",
					"{\"name\":\"old\",\"expired_at\":\"2001-01-01 00:00:00.000000\"}"))
			.body();
		assertThat(Http.JSON.readTree(created).get("is_expired").asBoolean()).isTrue();
		Http old = this.http.withToken(Http.JSON.readTree(created).get("token").stringValue());
		assertThat(old.get("/api/v1/auth/current").statusCode()).isEqualTo(401);
	}

	@Test
	void bearerIsNotAcceptedOnManagementApi() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.emulator.get().endpoint() + "/api/v1/auth/current"))
			.header("Authorization", "Bearer " + this.emulator.get().apiToken())
			.build();
		HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void tokenHeaderNameIsCaseInsensitive() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.emulator.get().endpoint() + "/api/v1/auth/current"))
			.header("x-yatai-api-token", this.emulator.get().apiToken())
			.build();
		assertThat(Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownEndpointWithValidTokenIs404() {
		HttpResponse<String> response = this.http.get("/api/v1/no_such_thing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Http.json(response).get("message").stringValue()).contains("/api/v1/no_such_thing");
	}

	@Test
	void wrongMethodIs405() {
		assertThat(this.http.delete("/api/v1/auth/current").statusCode()).isEqualTo(405);
	}

}
