package dev.bentocloud.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code services:} section of a seed file: the API each deployment's service serves
 * (see {@link EmulatorSeed} for the format).
 */
final class SeedServices {

	private static final Set<String> SERVICE_KEYS = Set.of("deployment", "name", "routes");

	private static final Set<String> ROUTE_KEYS = Set.of("name", "output", "path", "doc", "batchable", "task",
			"taskDuration", "delay", "rootInput", "params", "optional", "answer", "chunks", "chunkPause", "filename",
			"contentType", "size");

	private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String OCTET_STREAM = "application/octet-stream";

	private SeedServices() {
	}

	/** A deployment's declared API. */
	record Seeded(String deployment, ServiceApi api) {
	}

	/**
	 * Reads and checks the section.
	 * @param services the {@code services} list's items
	 * @return the APIs, in order
	 * @throws IllegalArgumentException naming the service or route and the problem
	 */
	static List<Seeded> read(List<JsonNode> services) {
		List<Seeded> seeded = new ArrayList<>();
		for (int i = 0; i < services.size(); i++) {
			JsonNode service = services.get(i);
			String where = "services[" + i + "]";
			try {
				EmulatorSeed.requireObject(service, "a service", SERVICE_KEYS);
				String name = EmulatorSeed.optionalText(service, "name");
				ServiceApi api = ServiceApi.named((name != null) ? name : "Service");
				JsonNode routes = service.get("routes");
				if (routes != null && !routes.isNull()) {
					if (!routes.isArray()) {
						throw new IllegalArgumentException("routes must be a list");
					}
					for (JsonNode route : routes) {
						api = api.route(route(route));
					}
				}
				seeded.add(new Seeded(EmulatorSeed.requiredText(service, "deployment"), api));
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
			}
		}
		return seeded;
	}

	private static ApiRoute route(JsonNode node) {
		EmulatorSeed.requireObject(node, "a route", ROUTE_KEYS);
		String name = EmulatorSeed.requiredText(node, "name");
		try {
			return configure(node, name);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalArgumentException("route " + name + ": " + ex.getMessage(), ex);
		}
	}

	private static ApiRoute configure(JsonNode node, String name) {
		String output = EmulatorSeed.optionalText(node, "output");
		ApiRoute route = switch ((output != null) ? output : "json") {
			case "text" -> ApiRoute.text(name);
			case "json" -> ApiRoute.json(name);
			case "stream" -> ApiRoute.stream(name);
			case "file" -> ApiRoute.file(name);
			case "binary" -> ApiRoute.binary(name);
			default -> throw new IllegalArgumentException(
					"output must be text, json, stream, file or binary, was '" + output + "'");
		};
		String path = EmulatorSeed.optionalText(node, "path");
		route = (path != null) ? route.path(path) : route;
		String doc = EmulatorSeed.optionalText(node, "doc");
		route = (doc != null) ? route.doc(doc) : route;
		route = flag(node, "batchable") ? route.batchable() : route;
		route = flag(node, "task") ? route.task() : route;
		for (Map.Entry<String, JsonNode> param : entries(node, "params")) {
			route = required(route, param.getKey(), typeOf(param.getValue(), param.getKey()));
		}
		for (Map.Entry<String, JsonNode> param : entries(node, "optional")) {
			JsonNode spec = param.getValue();
			if (spec.isObject()) {
				EmulatorSeed.requireObject(spec, "optional parameter " + param.getKey(), Set.of("type", "default"));
				route = route.param(param.getKey(), EmulatorSeed.requiredText(spec, "type"),
						spec.has("default") ? MAPPER.convertValue(spec.get("default"), Object.class) : null);
			}
			else {
				route = route.param(param.getKey(), typeOf(spec, param.getKey()), null);
			}
		}
		route = flag(node, "rootInput") ? route.rootInput() : route;
		Duration taskDuration = duration(node, "taskDuration");
		route = (taskDuration != null) ? route.taskDuration(taskDuration) : route;
		Duration delay = duration(node, "delay");
		route = (delay != null) ? route.delay(delay) : route;
		Duration chunkPause = duration(node, "chunkPause");
		route = (chunkPause != null) ? route.chunkPause(chunkPause) : route;
		return answers(node, name, route);
	}

	private static ApiRoute answers(JsonNode node, String name, ApiRoute route) {
		JsonNode chunks = node.get("chunks");
		if (chunks != null && !chunks.isNull()) {
			if (!chunks.isArray() || !chunks.valueStream().allMatch(JsonNode::isString)) {
				throw new IllegalArgumentException("chunks must be a list of strings");
			}
			List<String> texts = chunks.valueStream().map(JsonNode::asString).toList();
			route = route.chunks((call) -> texts.iterator());
		}
		String filename = EmulatorSeed.optionalText(node, "filename");
		String contentType = EmulatorSeed.optionalText(node, "contentType");
		JsonNode size = node.get("size");
		if (size != null && !size.isNull()) {
			if (!size.canConvertToLong() || size.asLong() < 0) {
				throw new IllegalArgumentException("size must be a number of bytes");
			}
			return route.generatedFile((filename != null) ? filename : name,
					(contentType != null) ? contentType : OCTET_STREAM, size.asLong());
		}
		JsonNode answer = node.get("answer");
		if (answer == null) {
			return route;
		}
		Object canned = MAPPER.convertValue(answer, Object.class);
		if (filename != null || contentType != null) {
			byte[] bytes = (canned instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
					: MAPPER.writeValueAsBytes(canned);
			return route.fileAnswer((filename != null) ? filename : name,
					(contentType != null) ? contentType : OCTET_STREAM, (call) -> bytes);
		}
		return route.answer(canned);
	}

	/**
	 * A parameter type: a JSON type, {@code file}, {@code file[]}, or {@code <type>[]}.
	 */
	private static ApiRoute required(ApiRoute route, String name, String type) {
		if (type.equals("file")) {
			return route.fileParam(name);
		}
		if (type.equals("file[]")) {
			return route.fileListParam(name);
		}
		if (type.endsWith("[]")) {
			return route.arrayParam(name, type.substring(0, type.length() - 2));
		}
		return route.param(name, type);
	}

	private static String typeOf(JsonNode type, String param) {
		if (!type.isString()) {
			throw new IllegalArgumentException("the type of parameter " + param + " must be a string such as integer");
		}
		return type.asString();
	}

	private static List<Map.Entry<String, JsonNode>> entries(JsonNode node, String key) {
		JsonNode map = node.get(key);
		if (map == null || map.isNull()) {
			return List.of();
		}
		if (!map.isObject()) {
			throw new IllegalArgumentException(key + " must be a mapping of parameter names to types");
		}
		return new ArrayList<>(map.properties());
	}

	private static boolean flag(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new IllegalArgumentException(key + " must be true or false");
		}
		return value.booleanValue();
	}

	/**
	 * A duration such as {@code 50ms}, {@code 2s}, {@code 1.5m}, {@code 1h}, ISO-8601
	 * ({@code PT0.05S}), or a number of milliseconds.
	 */
	static @Nullable Duration duration(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return Duration.ofMillis(value.asLong());
		}
		String text = value.asString("").trim().toLowerCase(Locale.ROOT);
		Matcher matcher = DURATION.matcher(text);
		if (matcher.matches()) {
			double amount = Double.parseDouble(matcher.group(1));
			double millis = switch (matcher.group(2)) {
				case "ms" -> amount;
				case "s" -> amount * 1000;
				case "m" -> amount * 60_000;
				default -> amount * 3_600_000;
			};
			return Duration.ofMillis(Math.round(millis));
		}
		try {
			return Duration.parse(text.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					key + " must be a duration such as 50ms, 2s or 1m, was '" + value.asString("") + "'");
		}
	}

}
