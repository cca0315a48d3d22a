package dev.bentocloud.client.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a parsed credentials file against BentoML's model and builds the records,
 * reporting a problem with the line it is on.
 */
final class YataiConfigStructure {

	private final Path file;

	private final JsonNode root;

	private final Map<JsonPointer, Integer> lines;

	private final List<String> names = new ArrayList<>();

	YataiConfigStructure(Path file, JsonNode root, Map<JsonPointer, Integer> lines) {
		this.file = file;
		this.root = root;
		this.lines = lines;
	}

	YataiConfig toConfig() {
		if (!this.root.isObject()) {
			throw error("", "the top level must be a mapping with 'contexts' and 'current_context_name', not "
					+ describe(this.root));
		}
		collectNames();
		List<YataiContext> contexts = new ArrayList<>();
		JsonNode contextsNode = this.root.get("contexts");
		if (contextsNode != null) {
			if (!contextsNode.isArray()) {
				throw error("/contexts", "'contexts' must be a list of contexts, not " + describe(contextsNode));
			}
			for (int i = 0; i < contextsNode.size(); i++) {
				contexts.add(context(contextsNode.get(i), "/contexts/" + i));
			}
		}
		JsonNode current = this.root.get("current_context_name");
		@Nullable String currentName = null;
		if (current != null && !current.isNull()) {
			currentName = scalar(current, "/current_context_name", "current_context_name");
		}
		return new YataiConfig(contexts, (currentName != null) ? currentName : YataiConfig.DEFAULT_CONTEXT_NAME,
				(ObjectNode) this.root);
	}

	private YataiContext context(JsonNode node, String pointer) {
		if (!node.isObject()) {
			throw error(pointer, "each entry of 'contexts' must be a mapping with name, endpoint and api_token, not "
					+ describe(node));
		}
		String name = required(node, pointer, "name");
		String endpoint = required(node, pointer, "endpoint");
		String apiToken = required(node, pointer, "api_token");
		JsonNode email = node.get("email");
		String emailValue = (email == null || email.isNull()) ? null : scalar(email, pointer + "/email", "email");
		return new YataiContext(name, endpoint, apiToken, emailValue);
	}

	private String required(JsonNode context, String pointer, String key) {
		JsonNode value = context.get(key);
		if (value == null || value.isNull()) {
			String which = context.path("name").isString()
					? "context '" + YataiConfig.displayable(context.get("name").stringValue(), this.root) + "'"
					: "a context";
			throw error(pointer, which + " has no '" + key + "' (BentoML requires name, endpoint and api_token)");
		}
		return scalar(value, pointer + "/" + key, key);
	}

	private String scalar(JsonNode value, String pointer, String key) {
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isNumber() || value.isBoolean()) {
			// PyYAML quotes strings that look like numbers; a hand-edited file may not.
			return value.asString();
		}
		throw error(pointer, "'" + key + "' must be a string, not " + describe(value));
	}

	private void collectNames() {
		JsonNode contexts = this.root.get("contexts");
		if (contexts != null && contexts.isArray()) {
			for (JsonNode context : contexts) {
				if (context.path("name").isString()) {
					this.names.add(YataiConfig.displayable(context.get("name").stringValue(), this.root));
				}
			}
		}
	}

	private YataiConfigException error(String pointer, String problem) {
		Integer line = this.lines.get(JsonPointer.compile(pointer));
		return new YataiConfigException(this.file, (line != null) ? line : 0, problem, this.names);
	}

	private static String describe(JsonNode node) {
		if (node.isNull()) {
			return "null";
		}
		if (node.isArray()) {
			return "a list";
		}
		if (node.isObject()) {
			return "a mapping";
		}
		return "a " + node.getNodeType().name().toLowerCase() + " value";
	}

}
