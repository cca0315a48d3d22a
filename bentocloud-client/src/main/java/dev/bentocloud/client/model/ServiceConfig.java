package dev.bentocloud.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of one service of a deployment ({@code DeploymentServiceConfig}).
 *
 * @param instanceType the instance type name, e.g. {@code cpu.2}
 * @param scaling the replica bounds
 * @param envs service-level environment variables (take precedence over deployment-level
 * ones)
 * @param deploymentStrategy {@code RollingUpdate}, {@code Recreate},
 * {@code RampedSlowRollout} or {@code BestEffortControlledRollout}
 * @param extras free-form {@code ExtraDeploymentOverrides}
 * @param coldStartTimeout the cold start timeout in seconds
 * @param configOverrides free-form overrides such as {@code {"traffic":{"timeout":10}}}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceConfig(@Nullable String instanceType, @Nullable Scaling scaling, @Nullable List<EnvVar> envs,
		@Nullable String deploymentStrategy, @Nullable Map<String, Object> extras, @Nullable Integer coldStartTimeout,
		@Nullable Map<String, Object> configOverrides) {

	public static ServiceConfig of(@Nullable String instanceType, @Nullable Scaling scaling) {
		return new ServiceConfig(instanceType, scaling, null, null, null, null, null);
	}

	ServiceConfig withFixedScaling() {
		return new ServiceConfig(this.instanceType, Scaling.fix(this.scaling), this.envs, this.deploymentStrategy,
				this.extras, this.coldStartTimeout, (this.configOverrides != null) ? this.configOverrides : Map.of());
	}

}
