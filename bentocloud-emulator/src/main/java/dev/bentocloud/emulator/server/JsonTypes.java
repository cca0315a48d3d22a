package dev.bentocloud.emulator.server;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a JSON value against a parameter's JSON type, with pydantic's lax rules for
 * numbers (an integer may be written {@code 2.0}) and its error types and messages.
 */
final class JsonTypes {

	private JsonTypes() {
	}

	/** Builds one error of the {@code detail} list. */
	@FunctionalInterface
	interface Errors {

		ObjectNode error(String type, ArrayNode loc, String message, @Nullable JsonNode input);

	}

	/**
	 * Whether the value has the type; if not, adds the errors (one per bad array item).
	 * @param value the value
	 * @param type a JSON schema type
	 * @param itemType the items' type of an array, or {@code null}
	 * @param loc where the value is, e.g. {@code ["body", "text"]}
	 * @param errors where to add errors
	 * @param factory builds an error
	 * @return {@code true} if the value is valid
	 */
	static boolean check(JsonNode value, String type, @Nullable String itemType, ArrayNode loc, List<ObjectNode> errors,
			Errors factory) {
		String problem = problem(value, type);
		if (problem != null) {
			errors.add(factory.error(problem, loc, message(problem), value));
			return false;
		}
		if (!"array".equals(type) || itemType == null) {
			return true;
		}
		boolean valid = true;
		for (int i = 0; i < value.size(); i++) {
			ArrayNode itemLoc = loc.deepCopy().add(i);
			valid &= check(value.get(i), itemType, null, itemLoc, errors, factory);
		}
		return valid;
	}

	/** Pydantic's error type for a value of the wrong type, or {@code null} if fine. */
	private static @Nullable String problem(JsonNode value, String type) {
		return switch (type) {
			case "string" -> value.isString() ? null : "string_type";
			case "integer" -> {
				if (value.isIntegralNumber()) {
					yield null;
				}
				if (value.isFloatingPointNumber()) {
					double number = value.doubleValue();
					yield (number == Math.rint(number) && !Double.isInfinite(number)) ? null : "int_from_float";
				}
				yield "int_type";
			}
			case "number" -> value.isNumber() ? null : "float_type";
			case "boolean" -> value.isBoolean() ? null : "bool_type";
			case "array" -> value.isArray() ? null : "list_type";
			case "object" -> value.isObject() ? null : "dict_type";
			default -> null;
		};
	}

	private static String message(String problem) {
		return switch (problem) {
			case "string_type" -> "Input should be a valid string";
			case "int_from_float" -> "Input should be a valid integer, got a number with a fractional part";
			case "int_type" -> "Input should be a valid integer";
			case "float_type" -> "Input should be a valid number";
			case "bool_type" -> "Input should be a valid boolean";
			case "list_type" -> "Input should be a valid list";
			case "dict_type" -> "Input should be a valid dictionary";
			default -> "Input is not valid";
		};
	}

}
