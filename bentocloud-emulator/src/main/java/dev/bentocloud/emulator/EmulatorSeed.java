package dev.bentocloud.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What to add to an emulator at start, read from a YAML or JSON file (JSON is YAML too):
 *
 * <pre>{@code
 * token: emu-demo-token          # value of the demo user's token (BentoCloudEmulator#apiToken())
 * demoData: true                 # also tokens "ci", "read-only" and deployment "demo-iris"
 * tokens:                        # more tokens of the demo user
 *   - name: ci-pipeline
 *     value: emu-ci-token        # optional, random when absent
 *     description: Used by CI    # optional
 *     scopes: [api]              # optional, default [api]
 * users:                         # more users of organization "acme", each with one token
 *   - name: alice
 *     email: alice@example.com
 *     token: emu-alice-token
 * deployments:                   # running deployments
 *   - name: iris
 *     bento: iris:abc123
 *     accessAuthorization: false # optional
 * }</pre>
 *
 * Unknown keys are rejected, so that a typo does not go unnoticed.
 *
 * @since 0.1.0
 */
public final class EmulatorSeed {

	private static final Set<String> TOP_LEVEL = Set.of("token", "demoData", "tokens", "users", "deployments");

	private final JsonNode root;

	private EmulatorSeed(JsonNode root) {
		this.root = root;
	}

	/**
	 * Reads and checks a seed file.
	 * @param file a YAML or JSON file
	 * @return the seed
	 * @throws IllegalArgumentException naming the file and the problem
	 */
	public static EmulatorSeed read(Path file) {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the seed file " + file + ": " + ex.getMessage(), ex);
		}
		try {
			return parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Seed file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Parses and checks a seed.
	 * @param yamlOrJson the seed's text
	 * @return the seed
	 */
	public static EmulatorSeed parse(String yamlOrJson) {
		JsonNode root;
		try {
			root = YAMLMapper.builder().build().readTree(yamlOrJson);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not valid YAML or JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			return new EmulatorSeed(YAMLMapper.builder().build().createObjectNode());
		}
		requireObject(root, "the seed", TOP_LEVEL);
		EmulatorSeed seed = new EmulatorSeed(root);
		seed.check();
		return seed;
	}

	/** The demo user's token value, if the seed names one. */
	public @Nullable String token() {
		return optionalText(this.root, "token");
	}

	/**
	 * Whether to add the demo data as well.
	 * @param byDefault the answer when the seed does not say
	 * @return the seed's {@code demoData}, else {@code byDefault}
	 */
	public boolean demoData(boolean byDefault) {
		JsonNode demoData = this.root.get("demoData");
		return (demoData != null) ? demoData.asBoolean(byDefault) : byDefault;
	}

	void applyTo(BentoCloudEmulator emulator) {
		for (JsonNode token : list("tokens")) {
			List<String> scopes = new ArrayList<>();
			JsonNode scopeNodes = token.get("scopes");
			if (scopeNodes != null) {
				scopeNodes.forEach((scope) -> scopes.add(scope.asString()));
			}
			emulator.seedApiToken(requiredText(token, "name"), optionalText(token, "description"), scopes,
					optionalText(token, "value"));
		}
		for (JsonNode user : list("users")) {
			String name = requiredText(user, "name");
			emulator.createUserWithToken(name, requiredText(user, "email"), name + "-token",
					requiredText(user, "token"));
		}
		for (JsonNode deployment : list("deployments")) {
			JsonNode access = deployment.get("accessAuthorization");
			emulator.seedDeployment(requiredText(deployment, "name"), requiredText(deployment, "bento"),
					access != null && access.asBoolean(false));
		}
	}

	private void check() {
		optionalText(this.root, "token");
		JsonNode demoData = this.root.get("demoData");
		if (demoData != null && !demoData.isBoolean()) {
			throw new IllegalArgumentException("demoData must be true or false");
		}
		for (JsonNode token : list("tokens")) {
			requireObject(token, "a token", Set.of("name", "value", "description", "scopes"));
			requiredText(token, "name");
			optionalText(token, "value");
			optionalText(token, "description");
			JsonNode scopes = token.get("scopes");
			if (scopes != null && !(scopes.isArray() && scopes.valueStream().allMatch(JsonNode::isString))) {
				throw new IllegalArgumentException("scopes of a token must be a list of strings, e.g. [api]");
			}
		}
		for (JsonNode user : list("users")) {
			requireObject(user, "a user", Set.of("name", "email", "token"));
			requiredText(user, "name");
			requiredText(user, "email");
			requiredText(user, "token");
		}
		for (JsonNode deployment : list("deployments")) {
			requireObject(deployment, "a deployment", Set.of("name", "bento", "accessAuthorization"));
			requiredText(deployment, "name");
			requiredText(deployment, "bento");
		}
	}

	private List<JsonNode> list(String key) {
		JsonNode node = this.root.get(key);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException(key + " must be a list");
		}
		List<JsonNode> items = new ArrayList<>();
		node.forEach(items::add);
		return items;
	}

	private static void requireObject(JsonNode node, String what, Set<String> keys) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(what + " must be a mapping of keys to values");
		}
		for (String key : node.propertyNames()) {
			if (!keys.contains(key)) {
				throw new IllegalArgumentException(
						"unknown key '" + key + "' in " + what + "; known keys: " + keys.stream().sorted().toList());
			}
		}
	}

	private static String requiredText(JsonNode node, String key) {
		String text = optionalText(node, key);
		if (text == null) {
			throw new IllegalArgumentException("'" + key + "' is missing");
		}
		return text;
	}

	private static @Nullable String optionalText(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.asString().isBlank()) {
			throw new IllegalArgumentException("'" + key + "' must be a non-blank string");
		}
		return value.asString();
	}

	@Override
	public String toString() {
		return "EmulatorSeed[tokens=" + list("tokens").size() + ", users=" + list("users").size() + ", deployments="
				+ list("deployments").size() + "]";
	}

}
