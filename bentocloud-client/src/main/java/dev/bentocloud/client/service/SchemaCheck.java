package dev.bentocloud.client.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What BentoML's client checks before sending, from the service's schema: the route
 * exists (else the known routes are listed), no argument is unknown, none required is
 * missing, and a task call goes to a task route.
 */
final class SchemaCheck {

	private SchemaCheck() {
	}

	static ServiceRoute route(ServiceSchema schema, String route, String serviceDescription) {
		return schema.route(route)
			.orElseThrow(() -> new InvalidServiceCallException("No route '" + escape(route) + "' in "
					+ serviceDescription + "; its routes are: " + String.join(", ", schema.routeNames())));
	}

	static void arguments(ServiceRoute route, Map<String, @Nullable Object> arguments) {
		if (route.rootInput()) {
			return; // one value, whatever its name
		}
		boolean anyExtra = Boolean.TRUE.equals(route.input().get("additionalProperties"));
		Set<String> parameters = route.parameters();
		List<String> unknown = new ArrayList<>();
		for (String name : arguments.keySet()) {
			if (!parameters.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty() && !anyExtra) {
			throw new InvalidServiceCallException("Arguments not found in route " + route.name() + ": "
					+ escape(String.join(", ", unknown)) + "; it takes: " + describe(route));
		}
		Set<String> missing = new LinkedHashSet<>(route.requiredParameters());
		missing.removeAll(arguments.keySet());
		if (!missing.isEmpty()) {
			throw new InvalidServiceCallException("Missing required arguments in route " + route.name() + ": "
					+ String.join(", ", missing) + "; it takes: " + describe(route));
		}
	}

	static void task(ServiceRoute route) {
		if (!route.task()) {
			throw new InvalidServiceCallException("The route " + route.name()
					+ " is not a task (@bentoml.task): call it with call(...) or stream(...) instead of submit(...)");
		}
	}

	private static String describe(ServiceRoute route) {
		Set<String> required = route.requiredParameters();
		List<String> parameters = new ArrayList<>();
		for (String name : route.parameters()) {
			Map<String, Object> schema = route.parameter(name);
			Object type = schema.get("type");
			parameters.add(name + ((type != null) ? " (" + type + ")" : "") + (required.contains(name) ? "" : "?"));
		}
		return parameters.isEmpty() ? "no arguments" : String.join(", ", parameters);
	}

	private static String escape(String text) {
		return dev.bentocloud.client.support.ControlCharacters.escape(text, 200);
	}

}
