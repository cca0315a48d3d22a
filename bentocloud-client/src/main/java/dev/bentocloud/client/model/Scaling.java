package dev.bentocloud.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Replica bounds of one service ({@code DeploymentTargetHPAConf}).
 * {@code minReplicas = 0} means scale to zero.
 *
 * @param minReplicas the minimum number of replicas, or {@code null}
 * @param maxReplicas the maximum number of replicas, or {@code null}
 * @param policy the autoscaling policy ({@code metrics}, {@code scale_down_behavior},
 * ...), free-form
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scaling(@Nullable Integer minReplicas, @Nullable Integer maxReplicas,
		@Nullable Map<String, Object> policy) {

	public static Scaling of(@Nullable Integer minReplicas, @Nullable Integer maxReplicas) {
		return new Scaling(minReplicas, maxReplicas, null);
	}

	/**
	 * Applies BentoML's scaling rules (contract 5.2): a missing scaling becomes 1..1, a
	 * missing maximum becomes {@code max(min, 1)}, and invalid bounds are rejected.
	 * @param scaling the scaling given, or {@code null}
	 * @return the scaling to send
	 * @throws IllegalArgumentException if the bounds are invalid
	 */
	public static Scaling fix(@Nullable Scaling scaling) {
		if (scaling == null) {
			return new Scaling(1, 1, null);
		}
		Integer min = scaling.minReplicas;
		Integer max = scaling.maxReplicas;
		if (max == null) {
			max = (min != null) ? Math.max(min, 1) : 1;
		}
		if (min != null && min > max) {
			throw new IllegalArgumentException("min scaling values must be less than or equal to max scaling values");
		}
		if (min != null && min < 0) {
			throw new IllegalArgumentException("min scaling values must be greater than or equal to 0");
		}
		if (max <= 0) {
			throw new IllegalArgumentException("max scaling values must be greater than 0");
		}
		return new Scaling(min, max, scaling.policy);
	}

}
