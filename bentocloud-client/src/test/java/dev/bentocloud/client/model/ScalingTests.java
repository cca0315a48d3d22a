package dev.bentocloud.client.model;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The defaults and bounds of {@link Scaling} and their checks in a deployment's
 * configuration, with BentoML's messages.
 */
class ScalingTests {

	@Test
	void missingScalingBecomesOneToOne() {
		assertThat(Scaling.fix(null)).isEqualTo(Scaling.of(1, 1));
	}

	@Test
	void missingMaxBecomesMaxOfMinAndOne() {
		assertThat(Scaling.fix(Scaling.of(3, null))).isEqualTo(Scaling.of(3, 3));
		assertThat(Scaling.fix(Scaling.of(0, null))).isEqualTo(Scaling.of(0, 1));
		assertThat(Scaling.fix(Scaling.of(null, null))).isEqualTo(Scaling.of(null, 1));
	}

	@Test
	void minWithoutMaxStaysAndScaleToZeroIsAllowed() {
		assertThat(Scaling.fix(Scaling.of(null, 4))).isEqualTo(Scaling.of(null, 4));
		assertThat(Scaling.fix(Scaling.of(0, 2))).isEqualTo(Scaling.of(0, 2));
	}

	@Test
	void invalidBoundsAreRejectedWithBentoMlMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> Scaling.fix(Scaling.of(3, 2)))
			.withMessage("min scaling values must be less than or equal to max scaling values");
		assertThatIllegalArgumentException().isThrownBy(() -> Scaling.fix(Scaling.of(-1, 2)))
			.withMessage("min scaling values must be greater than or equal to 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Scaling.fix(Scaling.of(null, 0)))
			.withMessage("max scaling values must be greater than 0");
	}

	@Test
	void policyIsKept() {
		Scaling scaling = new Scaling(1, null, Map.of("scale_down_behavior", "fast"));
		assertThat(Scaling.fix(scaling).policy()).containsEntry("scale_down_behavior", "fast");
	}

	@Test
	void configFixesEveryServiceAndCanaryVersion() {
		DeploymentConfig config = DeploymentConfig.of("d", "iris:1")
			.withService("A", ServiceConfig.of("cpu.1", null))
			.withService("B", ServiceConfig.of("cpu.1", Scaling.of(2, null)))
			.withCanary(new Canary("random", null, Map.of("v2",
					new Canary.Version(null, null, Map.of("A", ServiceConfig.of(null, null)), "iris:2", 10))));
		DeploymentConfig fixed = config.withFixedScaling();
		assertThat(fixed.services().get("A").scaling()).isEqualTo(Scaling.of(1, 1));
		assertThat(fixed.services().get("B").scaling()).isEqualTo(Scaling.of(2, 2));
		assertThat(fixed.services().get("A").configOverrides()).isEmpty();
		assertThat(fixed.canary().versions().get("v2").services().get("A").scaling()).isEqualTo(Scaling.of(1, 1));
	}

	@Test
	void configWithInvalidServiceIsRejected() {
		DeploymentConfig config = DeploymentConfig.of("d", "iris:1")
			.withService("A", ServiceConfig.of(null, Scaling.of(5, 1)));
		assertThatIllegalArgumentException().isThrownBy(config::withFixedScaling)
			.withMessage("min scaling values must be less than or equal to max scaling values");
	}

}
