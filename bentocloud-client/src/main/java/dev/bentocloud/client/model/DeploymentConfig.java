package dev.bentocloud.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's configuration, as given to create, update and apply, and as found in a
 * deployment's latest revision. {@code null} means "not set": update merges only what is
 * set.
 *
 * @param name the deployment name; {@code null} on create lets the server generate one
 * @param bento the bento, {@code repository:version}
 * @param cluster the cluster; sent as the {@code cluster} query parameter, never in the
 * body
 * @param accessAuthorization whether callers need {@code Authorization: Bearer}
 * @param envs deployment-level environment variables
 * @param labels labels
 * @param secrets names of secrets to mount
 * @param services per-service configuration, by service name
 * @param canary canary routing
 * @param dev whether this is a development (codespace) deployment
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentConfig(@Nullable String name, @Nullable String bento, @Nullable String cluster,
		@Nullable Boolean accessAuthorization, @Nullable List<EnvVar> envs, @Nullable List<Label> labels,
		@Nullable List<String> secrets, @Nullable Map<String, ServiceConfig> services, @Nullable Canary canary,
		@Nullable Boolean dev) {

	/** An empty configuration to build on with the {@code with...} methods. */
	public static DeploymentConfig empty() {
		return new DeploymentConfig(null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * A configuration for {@code bento} with one service, as {@code bentoml deploy}
	 * builds.
	 */
	public static DeploymentConfig of(String name, String bento) {
		return empty().withName(name).withBento(bento);
	}

	public DeploymentConfig withName(String name) {
		return new DeploymentConfig(name, this.bento, this.cluster, this.accessAuthorization, this.envs, this.labels,
				this.secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withBento(String bento) {
		return new DeploymentConfig(this.name, bento, this.cluster, this.accessAuthorization, this.envs, this.labels,
				this.secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withCluster(String cluster) {
		return new DeploymentConfig(this.name, this.bento, cluster, this.accessAuthorization, this.envs, this.labels,
				this.secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withAccessAuthorization(boolean accessAuthorization) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, accessAuthorization, this.envs, this.labels,
				this.secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withEnvs(List<EnvVar> envs) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, this.accessAuthorization, envs, this.labels,
				this.secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withLabels(List<Label> labels) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, this.accessAuthorization, this.envs, labels,
				this.secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withSecrets(List<String> secrets) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, this.accessAuthorization, this.envs,
				this.labels, secrets, this.services, this.canary, this.dev);
	}

	public DeploymentConfig withService(String serviceName, ServiceConfig service) {
		Map<String, ServiceConfig> services = new LinkedHashMap<>((this.services != null) ? this.services : Map.of());
		services.put(serviceName, service);
		return withServices(services);
	}

	public DeploymentConfig withServices(@Nullable Map<String, ServiceConfig> services) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, this.accessAuthorization, this.envs,
				this.labels, this.secrets, services, this.canary, this.dev);
	}

	public DeploymentConfig withCanary(@Nullable Canary canary) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, this.accessAuthorization, this.envs,
				this.labels, this.secrets, this.services, canary, this.dev);
	}

	public DeploymentConfig withDev(boolean dev) {
		return new DeploymentConfig(this.name, this.bento, this.cluster, this.accessAuthorization, this.envs,
				this.labels, this.secrets, this.services, this.canary, dev);
	}

	/**
	 * Applies BentoML's scaling rules ({@link Scaling#fix}) to every service, canary
	 * versions included.
	 * @throws IllegalArgumentException if a service's bounds are invalid
	 */
	public DeploymentConfig withFixedScaling() {
		Canary fixedCanary = this.canary;
		if (this.canary != null && this.canary.versions() != null) {
			Map<String, Canary.Version> versions = new LinkedHashMap<>();
			this.canary.versions()
				.forEach(
						(key, version) -> versions.put(key,
								(version != null)
										? new Canary.Version(version.envs(), version.secrets(),
												fixServices(version.services()), version.bento(), version.weight())
										: null));
			fixedCanary = new Canary(this.canary.routeType(), this.canary.routeBy(), versions);
		}
		return withServices(fixServices(this.services)).withCanary(fixedCanary);
	}

	private static @Nullable Map<String, ServiceConfig> fixServices(@Nullable Map<String, ServiceConfig> services) {
		if (services == null) {
			return null;
		}
		Map<String, ServiceConfig> fixed = new LinkedHashMap<>();
		services.forEach((key, service) -> fixed.put(key,
				((service != null) ? service : ServiceConfig.of(null, null)).withFixedScaling()));
		return fixed;
	}

}
