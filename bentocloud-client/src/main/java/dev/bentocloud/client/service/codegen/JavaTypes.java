package dev.bentocloud.client.service.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.bentocloud.client.service.interfaces.PythonNames;
import org.jspecify.annotations.Nullable;

/**
 * JSON schemas to Java types, as the generated interface declares them: the records it
 * needs for objects with properties, and the imports of all of them.
 */
final class JavaTypes {

	static final String NULLABLE = "org.jspecify.annotations.Nullable";

	private final Set<String> imports = new TreeSet<>();

	private final Map<String, String> records = new LinkedHashMap<>();

	/** Each record's schema, to reuse a name for the same schema only. */
	private final Map<String, Map<String, Object>> recordSchemas = new LinkedHashMap<>();

	/** A class to import; answers its simple name. */
	String use(String qualifiedName) {
		this.imports.add(qualifiedName);
		return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
	}

	Set<String> imports() {
		return this.imports;
	}

	/** The records' declarations, in the order first needed. */
	Iterable<String> records() {
		return this.records.values();
	}

	/**
	 * The Java type of a value with this schema.
	 * @param schema the value's schema
	 * @param root the schema {@code $ref}s are resolved in
	 * @param name the record's name if the value is an object with properties
	 * @param primitive whether a primitive may be used (a required parameter)
	 */
	String type(Map<String, Object> schema, Map<String, Object> root, String name, boolean primitive) {
		Map<String, Object> resolved = resolve(schema, root);
		String refName = refName(schema);
		String recordName = (refName != null) ? refName : name;
		Map<String, Object> single = nonNullAlternative(resolved);
		if (single != null) {
			return type(single, root, recordName, false);
		}
		Object type = resolved.get("type");
		if (resolved.containsKey("enum") && type == null) {
			return "String";
		}
		if (!(type instanceof String json)) {
			return "Object";
		}
		return switch (json) {
			case "string" -> "String";
			case "integer" -> primitive ? "int" : "Integer";
			case "number" -> primitive ? "double" : "Double";
			case "boolean" -> primitive ? "boolean" : "Boolean";
			case "file" -> use("java.nio.file.Path");
			case "array" -> use("java.util.List") + "<" + items(resolved, root, recordName) + ">";
			case "object" -> object(resolved, root, recordName);
			default -> "Object";
		};
	}

	private String items(Map<String, Object> array, Map<String, Object> root, String name) {
		return (array.get("items") instanceof Map<?, ?> items) ? type(map(items), root, singular(name), false)
				: "Object";
	}

	private String object(Map<String, Object> object, Map<String, Object> root, String name) {
		if (object.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty()) {
			return record(object, map(properties), root, name);
		}
		String values = (object.get("additionalProperties") instanceof Map<?, ?> additional)
				? type(map(additional), root, name + "Value", false) : "Object";
		return use("java.util.Map") + "<String, " + values + ">";
	}

	private String record(Map<String, Object> object, Map<String, Object> properties, Map<String, Object> root,
			String name) {
		String recordName = javaTypeName(name);
		for (int i = 2; this.recordSchemas.containsKey(recordName)
				&& !this.recordSchemas.get(recordName).equals(object); i++) {
			recordName = javaTypeName(name) + i;
		}
		if (this.recordSchemas.containsKey(recordName)) {
			return recordName;
		}
		this.recordSchemas.put(recordName, object);
		// reserved before its components, which may nest
		this.records.put(recordName, "");
		Set<String> required = new TreeSet<>(strings(object.get("required")));
		List<String> components = new ArrayList<>();
		for (Map.Entry<String, Object> property : properties.entrySet()) {
			String python = property.getKey();
			String java = javaName(python);
			boolean isRequired = required.contains(python);
			String type = type(map(property.getValue()), root, javaTypeName(java), isRequired);
			StringBuilder component = new StringBuilder();
			// JSON names map to record components as
			// they are, without the snake case rule
			if (!java.equals(python)) {
				component.append('@').append(use("com.fasterxml.jackson.annotation.JsonProperty"));
				component.append("(\"").append(escape(python)).append("\") ");
			}
			if (!isRequired) {
				component.append('@').append(use(NULLABLE)).append(' ');
			}
			components.add(component.append(type).append(' ').append(java).toString());
		}
		Object description = object.get("description");
		String doc = (description instanceof String text && !text.isBlank()) ? javadoc(escapeDoc(text), "\t")
				: javadoc("The {@code " + escapeDoc(String.valueOf(object.getOrDefault("title", name)))
						+ "} object of the service's schema.", "\t");
		this.records.put(recordName,
				doc + "\trecord " + recordName + "(" + String.join(", ", components) + ") {\n\t}\n");
		return recordName;
	}

	/** The alternative of {@code anyOf: [X, {type: null}]} (an {@code Optional[X]}). */
	private static @Nullable Map<String, Object> nonNullAlternative(Map<String, Object> schema) {
		for (String key : List.of("anyOf", "oneOf", "allOf")) {
			if (schema.get(key) instanceof List<?> alternatives) {
				List<Map<String, Object>> nonNull = new ArrayList<>();
				for (Object alternative : alternatives) {
					if (alternative instanceof Map<?, ?> candidate && !"null".equals(candidate.get("type"))) {
						nonNull.add(map(candidate));
					}
				}
				return (nonNull.size() == 1) ? nonNull.get(0) : Map.of();
			}
		}
		return null;
	}

	/** A {@code $ref} to {@code #/$defs/X} or {@code #/definitions/X}, resolved. */
	private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> root) {
		String name = refName(schema);
		if (name == null) {
			return schema;
		}
		for (String key : List.of("$defs", "definitions")) {
			if (root.get(key) instanceof Map<?, ?> definitions && definitions.get(name) instanceof Map<?, ?> found) {
				return map(found);
			}
		}
		return Map.of();
	}

	private static @Nullable String refName(Map<String, Object> schema) {
		return (schema.get("$ref") instanceof String ref) ? ref.substring(ref.lastIndexOf('/') + 1) : null;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	static List<String> strings(@Nullable Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> strings.add(String.valueOf(item)));
		}
		return strings;
	}

	/** A Python name as a Java variable or method name, never a keyword. */
	static String javaName(String python) {
		String java = PythonNames.toJava(python);
		return javax.lang.model.SourceVersion.isName(java) ? java : java + "_";
	}

	/** A name as a Java type name: {@code long_job} is {@code LongJob}. */
	static String javaTypeName(String name) {
		String java = PythonNames.toJava(name);
		return Character.toUpperCase(java.charAt(0)) + java.substring(1);
	}

	private static String singular(String name) {
		return (name.endsWith("s") && name.length() > 1) ? name.substring(0, name.length() - 1) : name + "Item";
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** Text from the schema in a Javadoc comment: it may not end it or start a tag. */
	static String escapeDoc(String text) {
		return text.strip()
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("*/", "*&#47;")
			.replace("@", "&#64;");
	}

	/** A Javadoc comment of (escaped) text. */
	static String javadoc(String text, String indent) {
		return indent + "/**\n" + indent + " * " + text.replace("\n", "\n" + indent + " * ") + "\n" + indent + " */\n";
	}

}
