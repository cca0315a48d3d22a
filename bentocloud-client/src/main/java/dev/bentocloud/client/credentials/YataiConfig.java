package dev.bentocloud.client.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.support.ControlCharacters;
import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.lang.Contract;

/**
 * The content of BentoML's credentials file ({@code .yatai.yaml}), as BentoML's Python
 * {@code CloudClientConfig} models it: a list of named {@link YataiContext contexts} and
 * the name of the current one.
 * <p>
 * The file's complete tree, unknown keys included, stays available through {@link #raw()}
 * so that a writer can save the file again without losing what it does not model. Aliases
 * in the file are not expanded: the tree holds the alias name as a string.
 *
 * @param contexts the contexts, in file order
 * @param currentContextName the file's {@code current_context_name}, {@code "default"}
 * when absent
 * @param raw the file's complete tree (a copy; an empty object for an empty file)
 * @since 0.1.0
 */
public record YataiConfig(List<YataiContext> contexts, String currentContextName, ObjectNode raw) {

	/**
	 * Most characters of a context name that messages show, as the sample CLI caps
	 * values.
	 */
	static final int MAX_DISPLAYED_NAME = 200;

	/** The context name BentoML uses when the file names none. */
	public static final String DEFAULT_CONTEXT_NAME = "default";

	private static final String MASK = SecretScrubber.MASK;

	public YataiConfig {
		contexts = List.copyOf(contexts);
		currentContextName = (currentContextName != null) ? currentContextName : DEFAULT_CONTEXT_NAME;
		raw = (raw != null) ? raw.deepCopy() : JsonNodeFactory.instance.objectNode();
	}

	/**
	 * A configuration without contexts, as BentoML builds for a missing or empty file.
	 */
	public static YataiConfig empty() {
		return new YataiConfig(List.of(), DEFAULT_CONTEXT_NAME, JsonNodeFactory.instance.objectNode());
	}

	/** A copy of the file's complete tree, unknown keys included. */
	@Override
	public ObjectNode raw() {
		return this.raw.deepCopy();
	}

	/**
	 * The first context with exactly this name, as BentoML's {@code get_context} picks
	 * it.
	 */
	public Optional<YataiContext> context(String name) {
		return this.contexts.stream().filter((context) -> context.name().equals(name)).findFirst();
	}

	/** The context named by {@link #currentContextName()}. */
	public Optional<YataiContext> currentContext() {
		return context(this.currentContextName);
	}

	/** The names of all contexts, in file order. */
	public List<String> contextNames() {
		return this.contexts.stream().map(YataiContext::name).toList();
	}

	/**
	 * The names of all contexts as messages may show them: a name that contains one of
	 * the file's API tokens (a token pasted into the wrong field) is masked, control
	 * characters and bidi overrides are escaped, and a name longer than 200 characters is
	 * cut ({@link ControlCharacters#escape(String, int)}): messages end up in logs and on
	 * terminals.
	 */
	public List<String> displayableContextNames() {
		return this.contexts.stream().map((context) -> displayable(context.name())).toList();
	}

	/**
	 * The name as messages may show it: escaped and cut, or a mask when it contains one
	 * of the file's API tokens.
	 */
	public String displayable(String contextName) {
		return displayable(contextName, this.raw);
	}

	@Contract("null, _ -> null; !null, _ -> !null")
	static @Nullable String displayable(@Nullable String name, JsonNode tree) {
		if (name == null) {
			return null;
		}
		SecretScrubber tokens = SecretScrubber.of(tree.findValues("api_token")
			.stream()
			.filter(JsonNode::isValueNode)
			.map(JsonNode::asString)
			.toArray(String[]::new));
		return tokens.containsSecret(name) ? MASK : ControlCharacters.escape(name, MAX_DISPLAYED_NAME);
	}

	/**
	 * A copy with {@code context} saved as BentoML's {@code CloudClientContext.save()}
	 * does: it replaces the first context of the same name, in place, or is appended.
	 * Unknown keys of the replaced context stay in {@link #raw()} and are written again
	 * by {@link YataiConfigWriter}.
	 * @param context the context to save
	 * @return the new configuration
	 */
	public YataiConfig withContext(YataiContext context) {
		List<YataiContext> updated = new ArrayList<>(this.contexts);
		int index = contextNames().indexOf(context.name());
		if (index >= 0) {
			updated.set(index, context);
		}
		else {
			updated.add(context);
		}
		return new YataiConfig(updated, this.currentContextName, this.raw);
	}

	/**
	 * A copy with another {@code current_context_name}.
	 * @param name the new current context name
	 * @return the new configuration
	 */
	public YataiConfig withCurrentContextName(String name) {
		return new YataiConfig(this.contexts, name, this.raw);
	}

	@Override
	public String toString() {
		return "YataiConfig[contexts=" + this.contexts + ", currentContextName=" + this.currentContextName + "]";
	}

}
