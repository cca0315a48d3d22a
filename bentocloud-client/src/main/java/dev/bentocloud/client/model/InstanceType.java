package dev.bentocloud.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An instance type offered in a cluster ({@code ResourceInstanceSchema}).
 *
 * @param uid the unique id
 * @param name the name used in {@link ServiceConfig#instanceType()}
 * @param displayName the name to show
 * @param description the description
 * @param config resources, price and GPU
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceType(String uid, @JsonProperty(required = true) String name, String displayName,
		String description, Config config) {

	public String price() {
		return (this.config != null) ? this.config.price() : null;
	}

	public String cpu() {
		return requests(Resources::cpu);
	}

	public String memory() {
		return requests(Resources::memory);
	}

	public String gpu() {
		return requests(Resources::gpu);
	}

	public String gpuType() {
		return (this.config != null && this.config.gpuConfig() != null) ? this.config.gpuConfig().type() : null;
	}

	private String requests(java.util.function.Function<Resources, String> value) {
		if (this.config == null || this.config.resources() == null || this.config.resources().requests() == null) {
			return null;
		}
		return value.apply(this.config.resources().requests());
	}

	/**
	 * @param group the instance group
	 * @param resources requests and limits
	 * @param price the price as text
	 * @param nodeSelectors Kubernetes node selectors
	 * @param gpuConfig the GPU, if any
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Config(String group, ResourceRequirements resources, String price, Map<String, String> nodeSelectors,
			GpuConfig gpuConfig) {
	}

	/**
	 * @param requests requested resources
	 * @param limits resource limits
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ResourceRequirements(Resources requests, Resources limits) {
	}

	/**
	 * @param cpu CPU, e.g. {@code 2} or {@code 500m}
	 * @param memory memory, e.g. {@code 8Gi}
	 * @param gpu GPU count
	 * @param custom other resources
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Resources(String cpu, String memory, String gpu, Map<String, Object> custom) {
	}

	/**
	 * @param type the GPU model
	 * @param memory the GPU memory
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GpuConfig(String type, String memory) {
	}

}
