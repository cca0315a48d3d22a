package dev.bentocloud.spring.test.emulator;

import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every {@link BentoCloudClientBuilder} bean the emulator's endpoint and token,
 * after the application's {@code BentoCloudClientBuilderCustomizer}s ran and whoever
 * defined the builder: a customizer that sets a token from a secrets manager, or an
 * application's own builder bean, cannot send it to a real account in a test with the
 * emulator. What a caller sets on the builder afterwards is its own choice.
 *
 * @since 0.1.0
 */
final class EmulatorClientBuilderPostProcessor implements BeanPostProcessor {

	private final BeanFactory beanFactory;

	private final String connectionDetailsBean;

	EmulatorClientBuilderPostProcessor(BeanFactory beanFactory, String connectionDetailsBean) {
		this.beanFactory = beanFactory;
		this.connectionDetailsBean = connectionDetailsBean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof BentoCloudClientBuilder builder) {
			builder.credentials(this.beanFactory.getBean(this.connectionDetailsBean, BentoCloudConnectionDetails.class)
				.toCredentials());
		}
		return bean;
	}

}
