package dev.bentocloud.client.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One route of a deployed service, as {@code /schema.json} describes it.
 *
 * @param name the API's name, e.g. {@code summarize}
 * @param route its path, e.g. {@code /summarize}
 * @param task whether it is a {@code @bentoml.task} (submit, status, get, retry, cancel)
 * @param batchable whether the service batches calls to it
 * @param doc its documentation, if any
 * @param input the JSON schema of its input (an object schema with {@code properties} and
 * {@code required}, or {@code root_input: true} for a single root parameter)
 * @param output the JSON schema of its output
 * @since 0.1.0
 */
public record ServiceRoute(String name, String route, boolean task, boolean batchable, @Nullable String doc,
		Map<String, Object> input, Map<String, Object> output) {

	public ServiceRoute {
		input = Collections.unmodifiableMap(input);
		output = Collections.unmodifiableMap(output);
	}

	/**
	 * Whether the route streams its output ({@code is_stream} in its output schema).
	 * @return whether it streams
	 */
	public boolean stream() {
		return Boolean.TRUE.equals(this.output.get("is_stream"));
	}

	/**
	 * Whether the input is a single root parameter sent as the body itself.
	 * @return whether it is a root input
	 */
	public boolean rootInput() {
		return Boolean.TRUE.equals(this.input.get("root_input"));
	}

	/**
	 * The parameters' names, in the schema's order.
	 * @return the names
	 */
	public Set<String> parameters() {
		Object properties = this.input.get("properties");
		return (properties instanceof Map<?, ?> map) ? names(map.keySet()) : Set.of();
	}

	/**
	 * The names of the parameters that must be given.
	 * @return the names
	 */
	public Set<String> requiredParameters() {
		Object required = this.input.get("required");
		return (required instanceof List<?> list) ? names(list) : Set.of();
	}

	/**
	 * The JSON schema of one parameter.
	 * @param parameter the parameter's name
	 * @return its schema, or an empty map when the route has no such parameter
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> parameter(String parameter) {
		Object properties = this.input.get("properties");
		if (properties instanceof Map<?, ?> map && map.get(parameter) instanceof Map<?, ?> schema) {
			return (Map<String, Object>) schema;
		}
		return Map.of();
	}

	/**
	 * Whether a parameter takes a file or a list of files (sent as multipart).
	 * @param parameter the parameter's name
	 * @return whether it takes files
	 */
	public boolean fileParameter(String parameter) {
		Map<String, Object> schema = parameter(parameter);
		if ("file".equals(schema.get("type"))) {
			return true;
		}
		return "array".equals(schema.get("type")) && schema.get("items") instanceof Map<?, ?> items
				&& "file".equals(items.get("type"));
	}

	/**
	 * The output's JSON type: {@code string}, {@code object}, {@code file}, ...
	 * @return the type, or {@code null} when the schema gives none
	 */
	public @Nullable String outputType() {
		Object type = this.output.get("type");
		return (type instanceof String text) ? text : null;
	}

	/**
	 * Whether the output is a file or binary data ({@code type: file}, or
	 * {@code format: binary}).
	 * @return whether it is binary
	 */
	public boolean binaryOutput() {
		return "file".equals(this.output.get("type")) || "binary".equals(this.output.get("format"));
	}

	static String stripSlashes(String route) {
		String result = route.strip();
		while (result.startsWith("/")) {
			result = result.substring(1);
		}
		while (result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	private static Set<String> names(Iterable<?> values) {
		List<String> names = new ArrayList<>();
		values.forEach((value) -> names.add(String.valueOf(value)));
		return Collections.unmodifiableSet(new LinkedHashSet<>(names));
	}

}
