package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes BentoML's credentials file ({@code .yatai.yaml}) so that BentoML's Python CLI
 * and this starter can share it.
 * <p>
 * Format: what BentoML's {@code yaml.dump} writes with PyYAML's defaults, block style,
 * keys sorted, {@code email: null} when unknown, no document marker. Keys this class does
 * not model, at the top level and inside contexts, are written back unchanged. Strings
 * that YAML 1.1 (PyYAML) would read as something else ({@code yes}, {@code 0777},
 * {@code 1:20}, …) are single-quoted.
 * <p>
 * Safety: {@link #update} holds an exclusive lock (a {@link FileLock} on the sibling
 * {@code .yatai.yaml.lock}, plus an in-process lock) around read-modify-write, so
 * concurrent logins from several threads or processes do not lose a context. The new
 * content goes to a temporary file in the same folder, which is forced to disk and
 * renamed over the file with {@link StandardCopyOption#ATOMIC_MOVE}: readers see the old
 * or the new file, never half of one. On POSIX file systems the file is {@code 0600} and
 * a folder created for it {@code 0700}. A file that is a symbolic link is written through
 * the link. The synthetic context {@value #ENV_CONTEXT_NAME} (from
 * {@code BENTO_CLOUD_API_KEY}) is never written, neither as a context nor as the current
 * context: {@link #update} and {@link #saveContext} refuse to add or change one (an entry
 * that BentoML's Python client put there itself is kept as it is). Instances are
 * thread-safe.
 */
public final class YataiConfigWriter {

	/** The name of BentoML's synthetic context for {@code BENTO_CLOUD_API_KEY}. */
	public static final String ENV_CONTEXT_NAME = "__env__";

	/** The suffix of the lock file next to the credentials file. */
	public static final String LOCK_SUFFIX = ".lock";

	private final YataiConfigReader reader;

	private final PyYamlEmitter emitter = new PyYamlEmitter();

	/** Creates a writer that reads with a default {@link YataiConfigReader}. */
	public YataiConfigWriter() {
		this(new YataiConfigReader());
	}

	/**
	 * Creates a writer.
	 * @param reader reads the current content in {@link #update}
	 */
	public YataiConfigWriter(YataiConfigReader reader) {
		this.reader = reader;
	}

	/**
	 * Reads the file, applies {@code change} and writes the result, all under an
	 * exclusive lock. The file is written only when the content changes.
	 * @param file the credentials file; it and its folder are created when missing
	 * @param change gets the current configuration ({@link YataiConfig#empty()} when the
	 * file does not exist) and returns the one to write; exceptions it throws leave the
	 * file unchanged
	 * @return the configuration as written
	 * @throws YataiConfigException when the existing file cannot be used (it is then left
	 * alone)
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public YataiConfig update(Path file, UnaryOperator<YataiConfig> change) {
		Path target = LockedFileWriter.writeTarget(file);
		try {
			return LockedFileWriter.locked(target, LOCK_SUFFIX, () -> {
				YataiConfig current = this.reader.read(target).orElse(YataiConfig.empty());
				YataiConfig changed = change.apply(current);
				EnvContextPolicy.checkNoNewEnvContext(current, changed);
				LockedFileWriter.writeIfChanged(target, toYaml(changed).getBytes(StandardCharsets.UTF_8));
				return changed;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the BentoCloud credentials file " + target + ": "
					+ ex.getClass().getSimpleName() + " " + ex.getMessage(), ex);
		}
	}

	/**
	 * Saves a context (replacing the one of the same name), as
	 * {@code bentoml cloud login} does.
	 * @param file the credentials file
	 * @param context the context to save
	 * @param makeCurrent whether it also becomes the current context
	 * @return the configuration as written
	 */
	public YataiConfig saveContext(Path file, YataiContext context, boolean makeCurrent) {
		EnvContextPolicy.checkNotEnv(context.name());
		return update(file, (config) -> {
			YataiConfig saved = config.withContext(context);
			return makeCurrent ? saved.withCurrentContextName(context.name()) : saved;
		});
	}

	/**
	 * The YAML text for a configuration, as BentoML's Python client would write it, with
	 * the unknown keys of {@link YataiConfig#raw()} kept.
	 * @param config the configuration
	 * @return the file content
	 */
	public String toYaml(YataiConfig config) {
		ObjectNode root = config.raw();
		JsonNode rawContexts = root.path("contexts");
		ArrayNode contexts = JsonNodeFactory.instance.arrayNode();
		Set<Integer> used = new HashSet<>();
		List<YataiContext> modelled = config.contexts();
		for (int i = 0; i < modelled.size(); i++) {
			YataiContext context = modelled.get(i);
			ObjectNode entry = rawEntry(rawContexts, i, context.name(), used);
			entry.put("name", context.name());
			entry.put("endpoint", context.endpoint());
			entry.put("api_token", context.apiToken());
			if (context.email() != null) {
				entry.put("email", context.email());
			}
			else {
				entry.putNull("email");
			}
			contexts.add(entry);
		}
		root.set("contexts", contexts);
		root.put("current_context_name", config.currentContextName());
		return this.emitter.emit(root);
	}

	/**
	 * The raw entry of context {@code index}, keeping its unknown keys; a new one for a
	 * new context.
	 */
	private static ObjectNode rawEntry(JsonNode rawContexts, int index, String name, Set<Integer> used) {
		if (rawContexts.isArray()) {
			if (index < rawContexts.size() && rawContexts.get(index).isObject()
					&& name.equals(rawContexts.get(index).path("name").asString(null)) && used.add(index)) {
				return ((ObjectNode) rawContexts.get(index)).deepCopy();
			}
			for (int i = 0; i < rawContexts.size(); i++) {
				if (rawContexts.get(i).isObject() && name.equals(rawContexts.get(i).path("name").asString(null))
						&& used.add(i)) {
					return ((ObjectNode) rawContexts.get(i)).deepCopy();
				}
			}
		}
		return JsonNodeFactory.instance.objectNode();
	}

}
