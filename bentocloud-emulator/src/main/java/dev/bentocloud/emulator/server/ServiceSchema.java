package dev.bentocloud.emulator.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code /schema.json} as BentoML 1.4 writes it: {@code {"name", "type":
 * "service", "routes": [...], "paths": {}}}.
 */
final class ServiceSchema {

	private ServiceSchema() {
	}

	/** The schema as plain maps and lists, in BentoML's key order. */
	static Map<String, Object> of(ServedApi api) {
		List<Object> routes = new ArrayList<>();
		for (ServedRoute route : api.routes()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", route.name());
			json.put("route", route.path());
			json.put("batchable", route.batchable());
			json.put("input", input(route));
			json.put("output", route.outputSchema());
			if (route.doc() != null) {
				json.put("doc", route.doc());
			}
			json.put("is_task", route.task());
			routes.add(json);
		}
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("name", api.name());
		schema.put("type", "service");
		schema.put("routes", routes);
		schema.put("paths", Map.of());
		return schema;
	}

	/**
	 * The input's JSON schema: an object of the parameters in declaration order, the
	 * required ones listed (pydantic leaves {@code required} out when there are none).
	 */
	private static Map<String, Object> input(ServedRoute route) {
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		for (RouteParam param : route.params()) {
			properties.put(param.name(), param.schema());
			if (param.required()) {
				required.add(param.name());
			}
		}
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("type", "object");
		input.put("properties", properties);
		if (!required.isEmpty()) {
			input.put("required", required);
		}
		if (route.openInput()) {
			input.put("additionalProperties", true);
		}
		if (route.rootInput()) {
			input.put("root_input", true);
		}
		return input;
	}

}
