package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudClientBuilder;

/**
 * Customizes the auto-configured {@link BentoCloudClientBuilder} before it builds the
 * {@code BentoCloudClient} bean, or any client built from the builder bean. Customizers
 * run in {@link org.springframework.core.Ordered order}, after the builder has been set
 * up from {@link BentoCloudConnectionDetails} and the {@code bentocloud.*} properties.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BentoCloudClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(BentoCloudClientBuilder builder);

}
