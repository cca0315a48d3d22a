package com.example.tokens;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your app" example, word for word: the quick start's service
 * against the emulator, with a fault.
 */
@SpringBootTest
@AutoConfigureBentoCloudEmulator
class TokenJanitorTests {

	@Autowired
	BentoCloudEmulator emulator;

	@Autowired
	TokenJanitor janitor;

	@Test
	void createsACiToken() {
		ApiToken token = this.janitor.createCiToken().block();
		assertThat(token.name()).isEqualTo("ci");
		assertThat(this.emulator.requestCount("POST", "/api/v1/api_tokens")).isEqualTo(1);
	}

	@Test
	void survivesAnOutage() {
		this.emulator.faults().on("GET", "/api/v1/api_tokens").times(3).respond(503);
		assertThat(this.janitor.expired().collectList().block()).isEmpty();
	}

}
