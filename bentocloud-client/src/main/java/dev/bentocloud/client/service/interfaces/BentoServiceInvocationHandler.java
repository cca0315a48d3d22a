package dev.bentocloud.client.service.interfaces;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BlockingBentoServiceClient;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Calls a route for each abstract method of a {@link BentoService} interface; runs
 * default methods and answers {@code equals}, {@code hashCode} and {@code toString}
 * itself.
 */
final class BentoServiceInvocationHandler implements InvocationHandler {

	private final ServiceInterface serviceInterface;

	private final BentoServiceClient client;

	private final BlockingBentoServiceClient blocking;

	BentoServiceInvocationHandler(ServiceInterface serviceInterface, BentoServiceClient client) {
		this.serviceInterface = serviceInterface;
		this.client = client;
		this.blocking = client.blocking();
	}

	BentoServiceClient client() {
		return this.client;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> args != null && proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" ->
					"BentoService proxy of " + this.serviceInterface.type().getName() + " calling " + this.client;
				default -> throw new UnsupportedOperationException(method.toString());
			};
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		ServiceMethod serviceMethod = this.serviceInterface.method(method)
			.orElseThrow(() -> new UnsupportedOperationException(method.toString()));
		return call(serviceMethod, serviceMethod.input(args));
	}

	private @Nullable Object call(ServiceMethod method, Map<String, @Nullable Object> input) {
		String route = method.route();
		ResolvableType result = method.resultType();
		return switch (method.shape()) {
			case VOID -> {
				this.blocking.call(route, input, Void.class);
				yield null;
			}
			case VALUE -> value(method, this.blocking.call(route, input, typeReference(result)));
			case MONO -> this.client.call(route, input, typeReference(result));
			case FLUX -> (result.toClass() == String.class) ? this.client.stream(route, input)
					: this.client.streamJson(route, input, result.toClass());
			case JAVA_STREAM -> (result.toClass() == String.class) ? this.blocking.stream(route, input)
					: this.blocking.streamJson(route, input, result.toClass());
			case TASK -> Objects.requireNonNull(this.client.submit(route, input).block(), "no task");
			case MONO_TASK -> this.client.submit(route, input);
			case BLOCKING_TASK -> this.blocking.submit(route, input);
		};
	}

	private static @Nullable Object value(ServiceMethod method, @Nullable Object value) {
		if (value == null && method.method().getReturnType().isPrimitive()) {
			throw new IllegalStateException("The route " + method.route() + " answered nothing, but "
					+ method.describe() + " returns " + method.method().getReturnType());
		}
		return value;
	}

	private static ParameterizedTypeReference<Object> typeReference(ResolvableType type) {
		Class<?> raw = type.toClass();
		// a primitive result is decoded as its wrapper, then unboxed by the proxy
		return ParameterizedTypeReference
			.forType(raw.isPrimitive() ? ClassUtils.resolvePrimitiveIfNecessary(raw) : type.getType());
	}

	@Override
	public String toString() {
		return "BentoServiceInvocationHandler[" + this.serviceInterface.type().getName() + "]";
	}

}
