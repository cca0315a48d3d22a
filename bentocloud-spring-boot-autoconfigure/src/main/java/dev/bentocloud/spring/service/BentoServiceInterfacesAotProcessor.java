package dev.bentocloud.spring.service;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Hints for each {@code @BentoService} interface bean, for a native image
 * ({@code META-INF/spring/aot.factories}): the JDK proxy that implements it, its methods,
 * and Jackson binding of their argument and return types. The way Spring's
 * {@code HttpExchangeBeanRegistrationAotProcessor} treats HTTP interface beans.
 */
class BentoServiceInterfacesAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> serviceInterface = BentoServicesRegistrar.serviceInterface(registeredBean.getMergedBeanDefinition());
		if (serviceInterface == null) {
			return null;
		}
		return (generationContext, code) -> registerHints(generationContext.getRuntimeHints(), serviceInterface);
	}

	static void registerHints(RuntimeHints hints, Class<?> serviceInterface) {
		// BentoServiceProxyFactory proxies the interface alone.
		hints.proxies().registerJdkProxy(serviceInterface);
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		for (Method method : serviceInterface.getMethods()) {
			if (Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
			binding.registerReflectionHints(hints.reflection(), method.getGenericReturnType());
			for (Type parameter : method.getGenericParameterTypes()) {
				binding.registerReflectionHints(hints.reflection(), parameter);
			}
		}
	}

}
