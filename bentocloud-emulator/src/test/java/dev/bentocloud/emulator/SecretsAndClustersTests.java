package dev.bentocloud.emulator;

import java.util.ArrayList;
import java.util.List;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's secrets and clusters endpoints.
 */
class SecretsAndClustersTests {

	private static final String CONTENT = "{\"type\":\"env\",\"items\":[{\"key\":\"K\",\"sub_path\":null,\"value\":\"V\"}],"
			+ "\"path\":null,\"stage\":\"runtime\"}";

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final Http http = Http.of(this.emulator);

	@Test
	void secretLifecycle() {
		JsonNode created = Http.json(Http.ok(this.http.post("/api/v1/org_secrets",
				"{\"name\":\"s\",\"content\":" + CONTENT + ",\"description\":null}")));
		assertThat(created.get("name").stringValue()).isEqualTo("s");
		assertThat(created.get("cluster").get("name").stringValue()).isEqualTo("default");
		assertThat(created.get("content").get("items").get(0).get("key").stringValue()).isEqualTo("K");
		for (String key : List.of("uid", "created_at", "updated_at", "deleted_at", "resource_type", "labels",
				"description", "creator")) {
			assertThat(created.has(key)).as(key).isTrue();
		}
		assertThat(this.http.post("/api/v1/org_secrets", "{\"name\":\"s\",\"content\":" + CONTENT + "}").statusCode())
			.isEqualTo(409);

		assertThat(Http.json(Http.ok(this.http.get("/api/v1/org_secrets/s?cluster="))).get("name").stringValue())
			.isEqualTo("s");
		assertThat(this.http.get("/api/v1/org_secrets/s?cluster=eu-west").statusCode()).isEqualTo(404);

		JsonNode updated = Http.json(Http.ok(this.http.send("PATCH", "/api/v1/org_secrets/s",
				"{\"content\":" + CONTENT.replace("\"V\"", "\"W\"") + ",\"description\":\"d\"}")));
		assertThat(updated.get("description").stringValue()).isEqualTo("d");
		assertThat(updated.get("content").get("items").get(0).get("value").stringValue()).isEqualTo("W");
		assertThat(updated.get("updated_at").isNull()).isFalse();

		JsonNode list = Http.json(Http.ok(this.http.get("/api/v1/org_secrets?count=10&q=&search=&start=0&all=true")));
		assertThat(list.get("total").asInt()).isEqualTo(1);
		assertThat(Http.json(Http.ok(this.http.get("/api/v1/org_secrets?search=nope"))).get("total").asInt()).isZero();

		Http.ok(this.http.delete("/api/v1/org_secrets/s"));
		assertThat(this.http.get("/api/v1/org_secrets/s").statusCode()).isEqualTo(404);
		assertThat(this.http.delete("/api/v1/org_secrets/s").statusCode()).isEqualTo(404);
	}

	@Test
	void secretValidation() {
		assertThat(this.http.post("/api/v1/org_secrets", "{\"name\":\"s\"}").statusCode()).isEqualTo(400);
		assertThat(
				this.http.post("/api/v1/org_secrets", "{\"name\":\"s\",\"content\":{\"type\":\"other\",\"items\":[]}}")
					.statusCode())
			.isEqualTo(400);
		assertThat(this.http.post("/api/v1/org_secrets", "{\"content\":" + CONTENT + "}").statusCode()).isEqualTo(400);
		assertThat(this.http.send("PATCH", "/api/v1/org_secrets/missing", "{\"content\":" + CONTENT + "}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void clustersIncludeDefaultAndTheOnesUsed() {
		Http.ok(this.http.post("/api/v1/org_secrets?cluster=eu-west", "{\"name\":\"s\",\"content\":" + CONTENT + "}"));
		JsonNode page = Http.json(Http.ok(this.http.get("/api/v1/clusters")));
		List<String> names = new ArrayList<>();
		page.get("items").forEach((item) -> names.add(item.get("name").stringValue()));
		assertThat(names).containsExactly("default", "eu-west");
		assertThat(page.get("items").get(0).get("is_first").asBoolean()).isTrue();
		JsonNode cluster = Http.json(Http.ok(this.http.get("/api/v1/clusters/eu-west")));
		assertThat(cluster.get("organization_name").stringValue()).isEqualTo(this.emulator.get().organizationName());
		assertThat(this.http.get("/api/v1/clusters/nowhere").statusCode()).isEqualTo(404);
	}

}
