package dev.bentocloud.spring.test.emulator;

import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@link EmulatorConnectionDetailsPostProcessor} to every test application context
 * (registered in {@code META-INF/spring.factories}). It does nothing unless the context
 * has an emulator's connection details, from {@link AutoConfigureBentoCloudEmulator} or a
 * {@code @ServiceConnection} container: which of the two a context has is only known once
 * its configuration has been read, and the container needs no annotation of ours.
 *
 * @since 0.1.0
 */
class EmulatorIsolationContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/** One for all test classes: it does not change which contexts are cached. */
	static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry
					&& !registry.containsBeanDefinition(EmulatorConnectionDetailsPostProcessor.BEAN_NAME)) {
				// A bean, not context.addBeanFactoryPostProcessor(): it must run
				// after the configuration classes have registered their beans.
				RootBeanDefinition definition = new RootBeanDefinition(EmulatorConnectionDetailsPostProcessor.class);
				definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
				registry.registerBeanDefinition(EmulatorConnectionDetailsPostProcessor.BEAN_NAME, definition);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
