package dev.bentocloud.sample.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/info} shows the endpoint as configured, but never credentials put in
 * its URL: a query is left out, and user info never gets that far (the starter refuses an
 * endpoint with user info at startup, see {@code BentoCloudPropertiesValidationTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bentocloud.credentials.bentoml-sources=false",
				"bentocloud.endpoint=http://127.0.0.1:9/bento?api_key=QUERY-SECRET#frag",
				"bentocloud.api-token=TOKEN-SECRET" })
@AutoConfigureWebTestClient
class EndpointDisplayTests {

	@Autowired
	private WebTestClient web;

	@Test
	void infoShowsTheEndpointWithoutItsQuery() {
		byte[] body = this.web.get()
			.uri("/actuator/info")
			.exchange()
			.returnResult(byte[].class)
			.getResponseBodyContent();
		JsonNode info = JsonMapper.shared().readTree(body);
		assertThat(info.at("/bentocloud/endpoint").asString()).isEqualTo("http://127.0.0.1:9/bento");
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("QUERY-SECRET", "api_key", "TOKEN-SECRET");
	}

}
