package dev.bentocloud.emulator.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One input parameter of a route. Not API.
 *
 * @param name the parameter's name (the JSON key, or the multipart part's name)
 * @param type a JSON schema type, or {@code file}
 * @param itemType for {@code array}: the items' type ({@code file} for a list of files),
 * else {@code null}
 * @param required whether a call must give it
 * @param defaultValue the default of an optional parameter (may be {@code null})
 */
public record RouteParam(String name, String type, @Nullable String itemType, boolean required,
		@Nullable Object defaultValue) {

	/** The JSON types a parameter (or an array's items) may have. */
	public static final Set<String> JSON_TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");

	/** A single file. */
	boolean isFile() {
		return "file".equals(this.type);
	}

	/** A list of files. */
	boolean isFileList() {
		return "array".equals(this.type) && "file".equals(this.itemType);
	}

	/** Its JSON schema, as {@code schema.json} lists it under {@code properties}. */
	Map<String, Object> schema() {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", this.type);
		if (isFile()) {
			schema.put("format", "binary");
		}
		if (this.itemType != null) {
			Map<String, Object> items = new LinkedHashMap<>();
			items.put("type", this.itemType);
			if ("file".equals(this.itemType)) {
				items.put("format", "binary");
			}
			schema.put("items", items);
		}
		if (!this.required) {
			schema.put("default", this.defaultValue);
		}
		return schema;
	}

	public static String checkType(String type, String what) {
		if (!JSON_TYPES.contains(type)) {
			throw new IllegalArgumentException(
					what + " must be one of " + JSON_TYPES.stream().sorted().toList() + ", was '" + type + "'");
		}
		return type;
	}

}
