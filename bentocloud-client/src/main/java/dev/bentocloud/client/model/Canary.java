package dev.bentocloud.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Canary routing of a deployment ({@code DeploymentCanarySchema}).
 *
 * @param routeType {@code random}, {@code header} or {@code query}
 * @param routeBy the header or query parameter routed on
 * @param versions the canary versions by name
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Canary(@Nullable String routeType, @Nullable String routeBy, @Nullable Map<String, Version> versions) {

	/**
	 * One canary version.
	 *
	 * @param envs environment variables
	 * @param secrets secret names
	 * @param services per-service configuration
	 * @param bento the bento ({@code repo:version})
	 * @param weight the traffic weight
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Version(@Nullable List<EnvVar> envs, @Nullable List<String> secrets,
			@Nullable Map<String, ServiceConfig> services, @Nullable String bento, @Nullable Integer weight) {
	}

}
