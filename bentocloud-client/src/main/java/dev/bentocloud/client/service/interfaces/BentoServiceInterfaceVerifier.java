package dev.bentocloud.client.service.interfaces;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.bentocloud.client.service.ServiceRoute;
import dev.bentocloud.client.service.ServiceSchema;
import dev.bentocloud.client.service.interfaces.ServiceMethod.Kind;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * Checks a {@link BentoService} interface against its service's {@code /schema.json}, as
 * BentoML's Python client checks each call, but for every method at once: each route
 * exists, no argument is unknown, every required argument is a parameter, files are
 * files, streaming routes are streamed, task routes are submitted, and files and text are
 * read as such.
 *
 * <pre>{@code
 * List<BentoServiceMismatch> mismatches = BentoServiceInterfaceVerifier.verify(Summarizer.class,
 *         client.blocking().schema());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BentoServiceInterfaceVerifier {

	private BentoServiceInterfaceVerifier() {
	}

	/**
	 * What does not match.
	 * @param serviceInterface the interface
	 * @param schema the service's schema
	 * @return the mismatches, by method name; empty when the interface matches
	 * @throws IllegalStateException when a method cannot call a route at all (see
	 * {@link ServiceInterface#of(Class)})
	 */
	public static List<BentoServiceMismatch> verify(Class<?> serviceInterface, ServiceSchema schema) {
		List<BentoServiceMismatch> mismatches = new ArrayList<>();
		for (ServiceMethod method : ServiceInterface.of(serviceInterface).methods()) {
			verify(method, schema, mismatches);
		}
		return mismatches;
	}

	/**
	 * Fails when the interface does not match.
	 * @param serviceInterface the interface
	 * @param schema the service's schema
	 * @param service the service as the message names it, e.g.
	 * {@code the service summarizer at https://...}
	 * @throws BentoServiceInterfaceMismatchException listing every mismatch
	 */
	public static void assertMatches(Class<?> serviceInterface, ServiceSchema schema, String service) {
		List<BentoServiceMismatch> mismatches = verify(serviceInterface, schema);
		if (!mismatches.isEmpty()) {
			throw new BentoServiceInterfaceMismatchException(serviceInterface, service, mismatches);
		}
	}

	private static void verify(ServiceMethod method, ServiceSchema schema, List<BentoServiceMismatch> mismatches) {
		Optional<ServiceRoute> found = schema.route(method.route());
		if (found.isEmpty()) {
			String closest = PythonNames.closest(method.route(), schema.routeNames());
			add(mismatches, method,
					"the service has no such route" + ((closest != null) ? "; did you mean " + closest + "?" : "")
							+ " Its routes are: " + String.join(", ", schema.routeNames()));
			return;
		}
		ServiceRoute route = found.get();
		kind(method, route, mismatches);
		if (route.rootInput()) {
			if (method.method().getParameterCount() != 1 || method.openInput()) {
				add(mismatches, method, "the route takes a single root input (the request body itself), so the "
						+ "method takes exactly one parameter");
			}
		}
		else {
			if (method.rootInput()) {
				add(mismatches, method,
						"the method declares a root input, but the route takes named arguments: " + describe(route));
			}
			if (!method.openInput()) {
				arguments(method, route, mismatches);
			}
		}
		if (method.kind() == Kind.CALL) {
			output(method, route, mismatches);
		}
	}

	private static void kind(ServiceMethod method, ServiceRoute route, List<BentoServiceMismatch> mismatches) {
		if (route.stream() && method.kind() != Kind.STREAM) {
			add(mismatches, method, "the route streams its answer; return Flux<String> or Stream<String> "
					+ "(or Flux<T> and Stream<T> of JSON values)");
		}
		if (!route.stream() && method.kind() == Kind.STREAM) {
			add(mismatches, method, "the route does not stream its answer (its output is " + route.output()
					+ "); return the value or a Mono of it");
		}
		if (route.task() && method.kind() != Kind.TASK) {
			add(mismatches, method, "the route is a task (@bentoml.task); return BentoTask, Mono<BentoTask> or "
					+ "BlockingBentoTask to submit it");
		}
		if (!route.task() && method.kind() == Kind.TASK) {
			add(mismatches, method, "the route is not a task (@bentoml.task), so it cannot be submitted; return "
					+ "its result instead of a task");
		}
	}

	private static void arguments(ServiceMethod method, ServiceRoute route, List<BentoServiceMismatch> mismatches) {
		Set<String> parameters = route.parameters();
		boolean anyExtra = Boolean.TRUE.equals(route.input().get("additionalProperties"));
		Set<String> given = new LinkedHashSet<>();
		for (ServiceArgument argument : method.arguments()) {
			String name = argument.name();
			given.add(name);
			if (!parameters.contains(name)) {
				if (!anyExtra) {
					String closest = PythonNames.closest(name, parameters);
					add(mismatches, method,
							"the route has no argument " + name
									+ ((closest != null) ? "; did you mean " + closest + "?" : "") + " It takes: "
									+ describe(route));
				}
				continue;
			}
			if (route.fileParameter(name) && !argument.file()) {
				add(mismatches, method, "the argument " + name + " is a file; declare it as Path, Resource, "
						+ "ServiceFile or File (a list of them for a list of files), not " + argument.type());
			}
			if (!route.fileParameter(name) && argument.file()) {
				add(mismatches, method, "the argument " + name + " is " + type(route.parameter(name))
						+ ", not a file; declare it as such, not " + argument.type());
			}
		}
		for (String required : route.requiredParameters()) {
			if (!given.contains(required)) {
				add(mismatches, method,
						"the required argument " + required + " (" + type(route.parameter(required))
								+ ") is not a parameter of the method; add one named " + PythonNames.toJava(required)
								+ " (or annotated @BentoParam(\"" + required + "\"))");
			}
		}
	}

	private static void output(ServiceMethod method, ServiceRoute route, List<BentoServiceMismatch> mismatches) {
		Class<?> result = method.resultType().toClass();
		if (result == Void.class || result == void.class || result == Object.class) {
			return;
		}
		if (route.binaryOutput()) {
			if (!(ServiceMethods.isFileType(result) || result == byte[].class) || result == File.class) {
				add(mismatches, method, "the route answers a file (" + route.output() + "); read it as Path, "
						+ "Resource, ServiceFile or byte[], not " + result.getSimpleName());
			}
		}
		else if ("string".equals(route.outputType()) && result != String.class && result != byte[].class) {
			add(mismatches, method,
					"the route answers text (a Python str); read it as String, not " + result.getSimpleName());
		}
		else if (!"string".equals(route.outputType()) && !route.binaryOutput()
				&& (result == Path.class || Resource.class.isAssignableFrom(result))) {
			add(mismatches, method, "the route answers " + type(route.output()) + ", not a file; read it as a "
					+ "record, Map, List or value, not " + result.getSimpleName());
		}
	}

	/**
	 * The route's arguments as messages list them: {@code text (string), n (integer)?}.
	 */
	static String describe(ServiceRoute route) {
		Set<String> required = route.requiredParameters();
		List<String> parameters = new ArrayList<>();
		for (String name : route.parameters()) {
			parameters.add(name + " (" + type(route.parameter(name)) + ")" + (required.contains(name) ? "" : "?"));
		}
		return parameters.isEmpty() ? "no arguments" : String.join(", ", parameters);
	}

	private static String type(Map<String, Object> schema) {
		@Nullable Object type = schema.get("type");
		if ("array".equals(type) && schema.get("items") instanceof Map<?, ?> items && items.get("type") != null) {
			return "array of " + items.get("type");
		}
		return (type != null) ? String.valueOf(type) : "any";
	}

	private static void add(List<BentoServiceMismatch> mismatches, ServiceMethod method, String problem) {
		mismatches.add(new BentoServiceMismatch(method.method(), method.route(), problem));
	}

}
