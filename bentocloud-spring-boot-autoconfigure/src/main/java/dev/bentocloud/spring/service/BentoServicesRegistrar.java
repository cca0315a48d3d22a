package dev.bentocloud.spring.service;

import java.beans.Introspector;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.bentocloud.client.service.interfaces.BentoService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Defines a bean for each {@code @BentoService} interface that
 * {@link EnableBentoServices} names or finds, made by {@link BentoServiceProxies} on
 * first use, which {@link BentoServiceInterfaceVerification} finds by
 * {@link #serviceInterface(BeanDefinition)}.
 */
class BentoServicesRegistrar implements ImportBeanDefinitionRegistrar {

	/** The name of the {@link BentoServiceProxies} bean, defined once. */
	static final String PROXIES_BEAN_NAME = "bentoServiceProxies";

	/**
	 * The interface of a bean defined here, else {@code null}. Read from the definition's
	 * factory bean and type, which AOT-generated definitions keep (they keep no custom
	 * attribute).
	 * @param definition a bean definition
	 * @return the {@code @BentoService} interface, or {@code null}
	 */
	static @Nullable Class<?> serviceInterface(BeanDefinition definition) {
		if (!PROXIES_BEAN_NAME.equals(definition.getFactoryBeanName())) {
			return null;
		}
		Class<?> type = definition.getResolvableType().resolve();
		return (type != null && type.isInterface()) ? type : null;
	}

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	BentoServicesRegistrar(Environment environment, ResourceLoader resourceLoader) {
		this.environment = environment;
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Map<String, @Nullable Object> attributes = Objects
			.requireNonNull(metadata.getAnnotationAttributes(EnableBentoServices.class.getName()));
		Set<Class<?>> interfaces = new LinkedHashSet<>();
		for (Class<?> client : (Class<?>[]) Objects.requireNonNull(attributes.get("clients"))) {
			interfaces.add(checked(client));
		}
		Set<String> packages = new LinkedHashSet<>();
		addAll(packages, (String[]) attributes.get("value"));
		addAll(packages, (String[]) attributes.get("basePackages"));
		for (Class<?> type : (Class<?>[]) Objects.requireNonNull(attributes.get("basePackageClasses"))) {
			packages.add(type.getPackageName());
		}
		if (packages.isEmpty() && interfaces.isEmpty()) {
			packages.add(ClassUtils.getPackageName(metadata.getClassName()));
		}
		for (String found : scan(packages)) {
			interfaces.add(checked(ClassUtils.resolveClassName(found, this.resourceLoader.getClassLoader())));
		}
		if (!registry.containsBeanDefinition(PROXIES_BEAN_NAME)) {
			// Constructor injection rather than an instance
			// supplier, as for the interfaces below.
			registry.registerBeanDefinition(PROXIES_BEAN_NAME, new RootBeanDefinition(BentoServiceProxies.class));
		}
		interfaces.forEach((type) -> register(registry, type));
	}

	private static void addAll(Set<String> packages, String @Nullable [] names) {
		if (names != null) {
			for (String name : names) {
				if (StringUtils.hasText(name)) {
					packages.add(name.strip());
				}
			}
		}
	}

	private Set<String> scan(Set<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface() && !definition.getMetadata().isAnnotation()
						&& definition.getMetadata().isIndependent();
			}

		};
		scanner.setResourceLoader(this.resourceLoader);
		scanner.addIncludeFilter(new AnnotationTypeFilter(BentoService.class, false, false));
		Set<String> names = new LinkedHashSet<>();
		for (String name : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(name)) {
				names.add(Objects.requireNonNull(candidate.getBeanClassName()));
			}
		}
		return names;
	}

	/** An interface with a {@code @BentoService} naming exactly one service. */
	private static Class<?> checked(Class<?> type) {
		if (!type.isInterface() || type.isAnnotation()) {
			throw new IllegalStateException(type.getName() + " is in @EnableBentoServices(clients), but it is not an "
					+ "interface: a BentoML service is declared as an interface whose methods are its routes");
		}
		BentoService service = AnnotatedElementUtils.findMergedAnnotation(type, BentoService.class);
		if (service == null) {
			throw new IllegalStateException(type.getName() + " has no @BentoService saying which service it calls; "
					+ "annotate it, e.g. @BentoService(\"summarizer\") for bentocloud.services.summarizer");
		}
		int set = (StringUtils.hasText(service.value()) ? 1 : 0) + (StringUtils.hasText(service.url()) ? 1 : 0)
				+ (StringUtils.hasText(service.deployment()) ? 1 : 0);
		if (set != 1) {
			throw new IllegalStateException(type.getName() + " must name exactly one service in @BentoService: a "
					+ "name under bentocloud.services (value), a url, or a deployment; it names " + set);
		}
		if (StringUtils.hasText(service.cluster()) && !StringUtils.hasText(service.deployment())) {
			throw new IllegalStateException(
					type.getName() + " has a cluster in @BentoService, which only applies " + "to a deployment");
		}
		return type;
	}

	private <S> void register(BeanDefinitionRegistry registry, Class<S> type) {
		String name = Introspector.decapitalize(type.getSimpleName());
		if (registry.containsBeanDefinition(name)) {
			BeanDefinition existing = registry.getBeanDefinition(name);
			if (type.equals(serviceInterface(existing))) {
				return; // found by two @EnableBentoServices
			}
			name = type.getName();
			if (registry.containsBeanDefinition(name)) {
				return;
			}
		}
		// A factory method on the proxies bean, not an instance
		// supplier: AOT processing (spring-boot:process-aot, a native
		// image) turns it into code, and cannot do so for a supplier.
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setTargetType(type);
		definition.setFactoryBeanName(PROXIES_BEAN_NAME);
		definition.setFactoryMethodName("create");
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
		registry.registerBeanDefinition(name, definition);
	}

}
