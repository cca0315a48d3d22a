package dev.bentocloud.spring.test.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.bentocloud.client.service.ServiceFile;
import dev.bentocloud.client.service.interfaces.ServiceArgument;
import dev.bentocloud.client.service.interfaces.ServiceInterface;
import dev.bentocloud.client.service.interfaces.ServiceMethod;
import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.ServiceApi;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;

/**
 * Derives the emulator's routes from the methods of a {@code @BentoService} interface, as
 * {@link ServiceInterface} reads them.
 */
final class EmulatedRoutes {

	private EmulatedRoutes() {
	}

	static ServiceApi of(Class<?> type, UnaryOperator<ApiRoute> answers) {
		ServiceApi api = ServiceApi.named(type.getSimpleName());
		Set<String> declared = new HashSet<>();
		for (ServiceMethod method : ServiceInterface.of(type).methods()) {
			String route = method.route().replaceAll("^/+|/+$", "");
			// A blocking and a reactive method may call the same route.
			if (declared.add(route)) {
				api = api.route(Objects.requireNonNull(answers.apply(route(method, route)),
						() -> "answers gave no route for " + route));
			}
		}
		return api;
	}

	private static ApiRoute route(ServiceMethod method, String path) {
		if (method.openInput()) {
			throw new IllegalArgumentException(method.describe() + " takes a @BentoInput map, whose arguments are "
					+ "only known when called; serve its route with an ApiRoute of your own");
		}
		String name = path.substring(path.lastIndexOf('/') + 1);
		ApiRoute route = switch (method.kind()) {
			case TASK -> ApiRoute.json(name).task();
			case STREAM -> ApiRoute.stream(name);
			case CALL -> call(name, method.resultType().toClass());
		};
		route = path.equals(name) ? route : route.path(path);
		for (ServiceArgument argument : method.arguments()) {
			route = param(route, argument);
		}
		return method.rootInput() ? route.rootInput() : route;
	}

	private static ApiRoute call(String name, Class<?> result) {
		if (result == String.class || CharSequence.class.isAssignableFrom(result)) {
			return ApiRoute.text(name);
		}
		if (isFile(result)) {
			return ApiRoute.file(name);
		}
		return (result == byte[].class) ? ApiRoute.binary(name) : ApiRoute.json(name);
	}

	private static ApiRoute param(ApiRoute route, ServiceArgument argument) {
		String name = argument.name();
		ResolvableType type = argument.type();
		if (argument.file()) {
			return isCollection(type) ? route.fileListParam(name) : route.fileParam(name);
		}
		String jsonType = jsonType(type);
		if (argument.optional()) {
			return route.param(name, jsonType, null);
		}
		if (jsonType.equals("array")) {
			ResolvableType items = type.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
			return route.arrayParam(name, jsonType(items));
		}
		return route.param(name, jsonType);
	}

	/** The JSON type of values of a Java type; {@code object} when unknown. */
	static String jsonType(ResolvableType type) {
		Class<?> raw = ClassUtils.resolvePrimitiveIfNecessary(type.toClass());
		if (CharSequence.class.isAssignableFrom(raw) || raw.isEnum() || raw == Character.class) {
			return "string";
		}
		if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class
				|| raw == BigInteger.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(raw) || raw == BigDecimal.class) {
			return "number";
		}
		if (raw == Boolean.class) {
			return "boolean";
		}
		return isCollection(type) ? "array" : "object";
	}

	private static boolean isCollection(ResolvableType type) {
		return (type.isArray() && type.toClass() != byte[].class) || Collection.class.isAssignableFrom(type.toClass());
	}

	private static boolean isFile(Class<?> type) {
		return java.nio.file.Path.class.isAssignableFrom(type) || Resource.class.isAssignableFrom(type)
				|| type == ServiceFile.class || type == java.io.File.class;
	}

}
