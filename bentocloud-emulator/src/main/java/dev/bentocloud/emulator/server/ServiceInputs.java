package dev.bentocloud.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bentocloud.emulator.UploadedFile;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a call's body (JSON, a root value, or multipart) into a {@link CallInput}, or
 * into the 400 answer BentoML gives: {@code {"error": "N validation errors for Input",
 * "detail": [...]}} with pydantic's error types and messages.
 */
final class ServiceInputs {

	private final JsonMapper mapper;

	ServiceInputs(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** The call, or the error to answer: exactly one of them is set. */
	record Bound(@Nullable CallInput call, @Nullable Reply error) {
	}

	Bound bind(ServedRoute route, ApiRequest request) {
		String contentType = request.header("Content-Type");
		ObjectNode given;
		Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
		if (contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			String boundary = MultipartForm.boundary(contentType);
			if (boundary == null) {
				return failed("multipart/form-data without a boundary");
			}
			try {
				given = fields(route, MultipartForm.parse(request.content(), boundary), files);
			}
			catch (IllegalArgumentException ex) {
				return failed("Invalid multipart body: " + ex.getMessage());
			}
		}
		else if (route.hasFileParams()) {
			return failed("Route " + route.name() + " takes files: send multipart/form-data, not "
					+ ((contentType != null) ? contentType : "a raw body"));
		}
		else {
			JsonNode parsed;
			String body = request.body();
			try {
				parsed = body.isBlank() ? null : this.mapper.readTree(body);
			}
			catch (JacksonException ex) {
				return invalid(List.of(error("json_invalid", path(), "Invalid JSON: " + ex.getOriginalMessage(),
						this.mapper.getNodeFactory().stringNode(body))));
			}
			if (route.rootInput()) {
				given = this.mapper.createObjectNode();
				if (parsed != null) {
					given.set(route.params().get(0).name(), parsed);
				}
			}
			else if (parsed == null) {
				given = this.mapper.createObjectNode();
			}
			else if (parsed instanceof ObjectNode object) {
				given = object;
			}
			else {
				return invalid(List.of(error("model_type", path(),
						"Input should be a valid dictionary or instance of Input", parsed)));
			}
		}
		return validate(route, given, files, request.headers());
	}

	private ObjectNode fields(ServedRoute route, List<MultipartForm.Part> parts,
			Map<String, List<UploadedFile>> files) {
		ObjectNode fields = this.mapper.createObjectNode();
		for (MultipartForm.Part part : parts) {
			RouteParam param = param(route, part.name());
			if (param != null && (param.isFile() || param.isFileList())) {
				files.computeIfAbsent(part.name(), (name) -> new ArrayList<>())
					.add(new UploadedFile(part.name(), part.filename(), part.contentType(), part.content()));
				continue;
			}
			// A field holds its value's JSON; text that is not JSON is a plain string.
			String text = new String(part.content(), StandardCharsets.UTF_8);
			JsonNode value;
			try {
				value = this.mapper.readTree(text);
			}
			catch (JacksonException ex) {
				value = null;
			}
			if (value == null || value.isMissingNode()
					|| (param != null && "string".equals(param.type()) && !value.isString())) {
				value = this.mapper.getNodeFactory().stringNode(text);
			}
			fields.set(part.name(), value);
		}
		return fields;
	}

	private Bound validate(ServedRoute route, ObjectNode given, Map<String, List<UploadedFile>> files,
			Map<String, List<String>> headers) {
		List<ObjectNode> errors = new ArrayList<>();
		Map<String, Object> arguments = new LinkedHashMap<>();
		for (RouteParam param : route.params()) {
			String name = param.name();
			if (param.isFile() || param.isFileList()) {
				if (!files.containsKey(name) && param.required()) {
					errors.add(error("missing", path(name), "Field required", given));
				}
				continue;
			}
			JsonNode value = given.get(name);
			if (value == null) {
				if (param.required()) {
					errors.add(error("missing", path(name), "Field required", given));
				}
				else {
					arguments.put(name, param.defaultValue());
				}
			}
			else if (value.isNull() && !param.required() && param.defaultValue() == null) {
				arguments.put(name, null);
			}
			else if (JsonTypes.check(value, param.type(), param.itemType(), path(name), errors, this::error)) {
				// pydantic turns an integral 2.0 into the int 2.
				JsonNode exact = ("integer".equals(param.type()) && value.isFloatingPointNumber())
						? this.mapper.getNodeFactory().numberNode(value.longValue()) : value;
				arguments.put(name, this.mapper.convertValue(exact, Object.class));
			}
		}
		for (String name : given.propertyNames()) {
			if (param(route, name) != null) {
				continue;
			}
			if (route.openInput()) {
				arguments.put(name, this.mapper.convertValue(given.get(name), Object.class));
			}
			else {
				errors.add(error("extra_forbidden", path(name), "Extra inputs are not permitted", given.get(name)));
			}
		}
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		Map<String, List<UploadedFile>> uploaded = new LinkedHashMap<>();
		files.forEach((name, list) -> uploaded.put(name, List.copyOf(list)));
		return new Bound(new CallInput(route.name(), Collections.unmodifiableMap(arguments),
				Collections.unmodifiableMap(uploaded), firstValues(headers)), null);
	}

	private static @Nullable RouteParam param(ServedRoute route, String name) {
		for (RouteParam param : route.params()) {
			if (param.name().equals(name)) {
				return param;
			}
		}
		return null;
	}

	ObjectNode error(String type, ArrayNode loc, String message, @Nullable JsonNode input) {
		ObjectNode error = this.mapper.createObjectNode();
		error.put("type", type);
		error.set("loc", loc);
		error.put("msg", message);
		error.set("input", (input != null) ? input : this.mapper.getNodeFactory().nullNode());
		return error;
	}

	private ArrayNode path(String... names) {
		ArrayNode loc = this.mapper.createArrayNode().add("body");
		for (String name : names) {
			loc.add(name);
		}
		return loc;
	}

	private Bound invalid(List<ObjectNode> errors) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("error", errors.size() + " validation error" + ((errors.size() == 1) ? "" : "s") + " for Input");
		body.putArray("detail").addAll(errors);
		return new Bound(null, Reply.json(400, this.mapper.writeValueAsBytes(body)));
	}

	private Bound failed(String message) {
		ObjectNode body = this.mapper.createObjectNode().put("error", message);
		return new Bound(null, Reply.json(400, this.mapper.writeValueAsBytes(body)));
	}

	/** The first value of each header; names are in lower case already. */
	private static Map<String, String> firstValues(Map<String, List<String>> headers) {
		Map<String, String> result = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (!values.isEmpty()) {
				result.put(name, values.get(0));
			}
		});
		return Collections.unmodifiableMap(result);
	}

}
