package dev.bentocloud.spring.autoconfigure;

import java.util.Map;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BlockingBentoServiceClient;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;

/**
 * Defines two beans per entry of {@code bentocloud.services}, both qualified by the
 * service's name: {@code <name>BentoServiceClient} (reactive) and
 * {@code <name>BlockingBentoServiceClient}. A bean the application defines under either
 * name replaces ours. Each service is checked here, so that one that cannot work stops
 * startup with the property named.
 */
class BentoServiceClientsRegistrar implements ImportBeanDefinitionRegistrar {

	static final String SERVICES = "bentocloud.services";

	/**
	 * The {@link NamedServiceClients} bean of {@link BentoServiceClientsConfiguration}.
	 */
	static final String NAMED_SERVICE_CLIENTS_BEAN_NAME = "bentoCloudNamedServiceClients";

	private final ConfigurableEnvironment environment;

	BentoServiceClientsRegistrar(Environment environment) {
		Assert.isInstanceOf(ConfigurableEnvironment.class, environment);
		this.environment = (ConfigurableEnvironment) environment;
	}

	/**
	 * The name of the reactive client bean of a service.
	 * @param name the service's name
	 * @return the bean name
	 */
	static String beanName(String name) {
		return name + "BentoServiceClient";
	}

	static String blockingBeanName(String name) {
		return name + "BlockingBentoServiceClient";
	}

	/**
	 * The configured services, bound as the properties bean will bind them.
	 * @param environment the environment
	 * @return the services by name, in configuration order
	 */
	static Map<String, NamedService> bind(Environment environment) {
		return CheckedValueConverter.binder(environment)
			.bind(SERVICES, Bindable.mapOf(String.class, NamedService.class))
			.orElseGet(Map::of);
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Binder binder = CheckedValueConverter.binder(this.environment);
		String defaultToken = binder.bind("bentocloud.service.token", String.class).orElse(null);
		boolean allowInsecure = Boolean.TRUE
			.equals(binder.bind("bentocloud.allow-insecure-endpoint", Boolean.class).orElse(false));
		bind(this.environment).forEach((name, service) -> {
			String token = (service.getToken() != null && !service.getToken().isBlank()) ? service.getToken()
					: defaultToken;
			NamedServiceValidator.validate(name, service, token != null && !token.isBlank(), allowInsecure,
					this.environment);
			String reactive = beanName(name);
			register(registry, reactive, name, BentoServiceClient.class, NAMED_SERVICE_CLIENTS_BEAN_NAME, "create",
					name);
			register(registry, blockingBeanName(name), name, BlockingBentoServiceClient.class, reactive, "blocking");
		});
	}

	// A factory method on another bean, not an instance supplier:
	// AOT processing (spring-boot:process-aot, a native image)
	// turns it into code, and cannot do so for a supplier.
	private static void register(BeanDefinitionRegistry registry, String beanName, String serviceName, Class<?> type,
			String factoryBeanName, String factoryMethodName, Object... arguments) {
		if (registry.containsBeanDefinition(beanName)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setTargetType(type);
		definition.setFactoryBeanName(factoryBeanName);
		definition.setFactoryMethodName(factoryMethodName);
		for (int i = 0; i < arguments.length; i++) {
			definition.getConstructorArgumentValues().addIndexedArgumentValue(i, arguments[i]);
		}
		// @Qualifier("summarizer") selects it, as the bean name alone would not.
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, serviceName));
		registry.registerBeanDefinition(beanName, definition);
	}

}
