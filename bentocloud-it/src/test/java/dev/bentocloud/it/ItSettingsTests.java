package dev.bentocloud.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ItSettings}: each setting from a system property or the environment variable of
 * the same name.
 */
class ItSettingsTests {

	@Test
	void environmentVariableNamesFollowThePropertyNames() {
		assertThat(ItSettings.environmentVariable(SampleAppContainer.BASE_IMAGE_PROPERTY))
			.isEqualTo("BENTOCLOUD_IT_BASE_IMAGE");
		assertThat(ItSettings.environmentVariable(DockerAvailableCondition.REQUIRE_DOCKER_PROPERTY))
			.isEqualTo("BENTOCLOUD_IT_REQUIRE_DOCKER");
	}

	@Test
	void systemPropertyWinsAndBlankCountsAsUnset() {
		String property = "bentocloud.it.settings-test";
		try {
			System.setProperty(property, "  ");
			assertThat(ItSettings.get(property)).isNull();
			System.setProperty(property, " value ");
			assertThat(ItSettings.get(property)).isEqualTo("value");
		}
		finally {
			System.clearProperty(property);
		}
	}

}
