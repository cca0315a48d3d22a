package dev.bentocloud.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The emulator's demo token: the seeded user's, and never blank.
 */
class DemoTokenTests {

	@Test
	void demoTokenIsTheSeededUsersToken() {
		try (BentoCloudEmulator emulator = BentoCloudEmulator.builder().demoToken("emu_known-demo").start()) {
			assertThat(emulator.apiToken()).isEqualTo("emu_known-demo");
			Http http = new Http(emulator.endpoint(), "emu_known-demo");
			assertThat(http.getJson("/api/v1/auth/current").get("name").stringValue()).isEqualTo("demo");
			assertThat(http.withToken("emu_other").get("/api/v1/auth/current").statusCode()).isEqualTo(401);
		}
	}

	@Test
	void blankDemoTokenIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> BentoCloudEmulator.builder().demoToken(" "))
			.withMessageContaining("demoToken");
	}

}
