package dev.bentocloud.spring.test.emulator;

import java.util.ArrayList;
import java.util.List;

import dev.bentocloud.client.credentials.TestCredentialsOverride;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Makes a test's emulator the only BentoCloud account its application context can reach,
 * once an emulator's {@link BentoCloudConnectionDetails} is defined (by
 * {@link AutoConfigureBentoCloudEmulator}, or by a {@code @ServiceConnection} container,
 * which wins when both are there):
 * <ul>
 * <li>every other {@link BentoCloudConnectionDetails} bean, such as an application's own
 * from a secrets manager, is removed, its name becoming an alias of the emulator's; so
 * the starter's clients, its health indicator and anything injecting the interface use
 * the emulator;</li>
 * <li>every {@code BentoCloudClientBuilder} bean gets the emulator's credentials after
 * the customizers ran ({@link EmulatorClientBuilderPostProcessor});</li>
 * <li>BentoML's own chain ({@code BentoCloudCredentialsResolver.bentoml()}) resolves to
 * the emulator while the context is open ({@link TestCredentialsOverride}).</li>
 * </ul>
 * Replacing, not failing: the annotation (or the container) says "this test talks to the
 * emulator", as {@code @AutoConfigureTestDatabase} replaces an application's
 * {@code DataSource}; a failure would make every application with its own connection
 * details write test-only conditions around them. Each replaced bean is logged at INFO.
 *
 * @since 0.1.0
 */
class EmulatorConnectionDetailsPostProcessor implements BeanDefinitionRegistryPostProcessor, DisposableBean {

	static final String BEAN_NAME = "dev.bentocloud.spring.test.emulator.emulatorConnectionDetailsPostProcessor";

	/** Spring Boot marks the beans that {@code @ServiceConnection} defines with it. */
	private static final String SERVICE_CONNECTION = "org.springframework.boot.testcontainers.service.connection.ServiceConnection";

	private static final Log logger = LogFactory.getLog(EmulatorConnectionDetailsPostProcessor.class);

	private TestCredentialsOverride.@Nullable Installation override;

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		String[] names = beanFactory.getBeanNamesForType(BentoCloudConnectionDetails.class, true, false);
		List<String> containers = new ArrayList<>();
		List<String> emulators = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (String name : names) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			Class<?> type = beanFactory.getType(name, false);
			if (Boolean.TRUE.equals(definition.getAttribute(SERVICE_CONNECTION))) {
				containers.add(name);
			}
			else if (type != null && EmulatorBentoCloudConnectionDetails.class.isAssignableFrom(type)) {
				emulators.add(name);
			}
			else {
				others.add(name);
			}
		}
		List<String> candidates = containers.isEmpty() ? emulators : containers;
		if (candidates.size() != 1) {
			// No emulator: not our business. Several: the starter reports the ambiguity.
			return;
		}
		String emulator = candidates.get(0);
		if (!containers.isEmpty()) {
			others.addAll(emulators);
		}
		for (String other : others) {
			logger.info("BentoCloud test isolation: the BentoCloudConnectionDetails bean '" + other + "' ("
					+ beanFactory.getType(other, false) + ") is replaced by the emulator's '" + emulator + "'");
			registry.removeBeanDefinition(other);
			registry.registerAlias(emulator, other);
		}
		RootBeanDefinition builderPostProcessor = new RootBeanDefinition(EmulatorClientBuilderPostProcessor.class,
				() -> new EmulatorClientBuilderPostProcessor(beanFactory, emulator));
		builderPostProcessor.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(EmulatorClientBuilderPostProcessor.class.getName(), builderPostProcessor);
		// From now until the context is closed: beans that resolve BentoML's chain while
		// the context starts, and tests that do later, get the emulator.
		this.override = TestCredentialsOverride
			.install(() -> beanFactory.getBean(emulator, BentoCloudConnectionDetails.class).toCredentials());
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	@Override
	public void destroy() {
		if (this.override != null) {
			this.override.close();
			this.override = null;
		}
	}

}
