package dev.bentocloud.client.model;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An instance type offered in a cluster ({@code ResourceInstanceSchema}).
 *
 * @param uid the unique id
 * @param name the name used in {@link ServiceConfig#instanceType()}
 * @param displayName the name to show
 * @param description the description
 * @param config resources, price and GPU
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceType(@Nullable String uid, @JsonProperty(required = true) String name,
		@Nullable String displayName, @Nullable String description, @Nullable Config config) {

	public @Nullable String price() {
		return (this.config != null) ? this.config.price() : null;
	}

	public @Nullable String cpu() {
		return requests(Resources::cpu);
	}

	public @Nullable String memory() {
		return requests(Resources::memory);
	}

	public @Nullable String gpu() {
		return requests(Resources::gpu);
	}

	public @Nullable String gpuType() {
		return (this.config != null && this.config.gpuConfig() != null) ? this.config.gpuConfig().type() : null;
	}

	private @Nullable String requests(Function<Resources, @Nullable String> value) {
		if (this.config == null || this.config.resources() == null || this.config.resources().requests() == null) {
			return null;
		}
		return value.apply(this.config.resources().requests());
	}

	/**
	 * How an instance type is configured.
	 *
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
	 * Requested and limit resources.
	 *
	 * @param requests requested resources
	 * @param limits resource limits
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ResourceRequirements(@Nullable Resources requests, @Nullable Resources limits) {
	}

	/**
	 * An amount of each resource.
	 *
	 * @param cpu CPU, e.g. {@code 2} or {@code 500m}
	 * @param memory memory, e.g. {@code 8Gi}
	 * @param gpu GPU count
	 * @param custom other resources
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Resources(@Nullable String cpu, @Nullable String memory, @Nullable String gpu,
			@Nullable Map<String, Object> custom) {
	}

	/**
	 * The GPU of an instance type.
	 *
	 * @param type the GPU model
	 * @param memory the GPU memory
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GpuConfig(@Nullable String type, @Nullable String memory) {
	}

}
