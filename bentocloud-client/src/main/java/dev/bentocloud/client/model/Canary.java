package dev.bentocloud.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Canary routing of a deployment ({@code DeploymentCanarySchema}).
 *
 * @param routeType {@code random}, {@code header} or {@code query}
 * @param routeBy the header or query parameter routed on
 * @param versions the canary versions by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Canary(String routeType, String routeBy, Map<String, Version> versions) {

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
	public record Version(List<EnvVar> envs, List<String> secrets, Map<String, ServiceConfig> services, String bento,
			Integer weight) {
	}

}
