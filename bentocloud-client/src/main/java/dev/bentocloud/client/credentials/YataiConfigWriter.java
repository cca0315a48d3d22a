package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
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

	private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

	/** FileLock is per JVM, so threads of one JVM also need a lock of their own. */
	private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

	// Implicit resolvers of PyYAML (YAML 1.1) for bool, int, float, null, timestamp,
	// merge, value.
	private static final Pattern YAML11_NON_STRING = Pattern.compile(String.join("|",
			"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N",
			"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
			"[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
					+ "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
			"~|null|Null|NULL|", "[0-9]{4}-[0-9]{2}-[0-9]{2}.*", "<<|="));

	private static final Pattern HEX_ESCAPE = Pattern
		.compile("\\\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})");

	private static final Comparator<String> PYTHON_ORDER = (a, b) -> {
		// Python sorts str by code point; String.compareTo sorts by UTF-16 unit.
		int[] x = a.codePoints().toArray();
		int[] y = b.codePoints().toArray();
		return java.util.Arrays.compare(x, y);
	};

	private final YataiConfigReader reader;

	private final DumpSettings dumpSettings = DumpSettings.builder()
		.setDefaultFlowStyle(FlowStyle.BLOCK)
		.setIndent(2)
		.setWidth(80)
		.setUseUnicodeEncoding(false)
		.build();

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
		Path target = writeTarget(file);
		Path folder = target.getParent();
		if (folder == null) {
			throw new IllegalArgumentException("Not a file: " + file);
		}
		createFolder(folder);
		Path lockFile = folder.resolve(target.getFileName() + LOCK_SUFFIX);
		ReentrantLock localLock = LOCAL_LOCKS.computeIfAbsent(lockFile, (key) -> new ReentrantLock());
		localLock.lock();
		try (FileChannel channel = FileChannel.open(lockFile,
				Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), fileAttributes());
				FileLock lock = channel.lock()) {
			YataiConfig current = this.reader.read(target).orElse(YataiConfig.empty());
			YataiConfig changed = change.apply(current);
			checkNoNewEnvContext(current, changed);
			byte[] content = toYaml(changed).getBytes(StandardCharsets.UTF_8);
			if (!Files.exists(target) || !java.util.Arrays.equals(content, Files.readAllBytes(target))) {
				replace(target, content);
			}
			return changed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the BentoCloud credentials file " + target + ": "
					+ ex.getClass().getSimpleName() + " " + ex.getMessage(), ex);
		}
		finally {
			localLock.unlock();
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
		checkNotEnv(context.name());
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
		StringBuilder out = new StringBuilder();
		new Dump(this.dumpSettings).dumpNode(node(root), new StringWriter(out));
		String yaml = out.toString();
		// PyYAML escapes non-ASCII as \xF6 / \u20AC, upper case. Without a literal
		// backslash in
		// any value, every backslash in the output starts such an escape.
		if (yaml.indexOf('\\') >= 0 && !root.toString().contains("\\\\")) {
			yaml = HEX_ESCAPE.matcher(yaml)
				.replaceAll((match) -> Matcher.quoteReplacement(pythonEscape(match.group())));
		}
		return yaml;
	}

	/**
	 * {@code \\xf6} to {@code \\xF6}, {@code \\u20ac} to {@code \\u20AC}: PyYAML's
	 * upper-case hex digits.
	 */
	private static String pythonEscape(String escape) {
		return escape.substring(0, 2) + escape.substring(2).toUpperCase(Locale.ROOT);
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

	/**
	 * BentoML's Python client itself may have put an {@value #ENV_CONTEXT_NAME} context
	 * (with the environment's token) into the file; such an entry is kept as it is, since
	 * this writer changes only what it is asked to. What it never does is add or change
	 * one.
	 */
	private static void checkNoNewEnvContext(YataiConfig before, YataiConfig after) {
		List<YataiContext> envBefore = envContexts(before);
		for (YataiContext context : envContexts(after)) {
			if (!envBefore.contains(context)) {
				checkNotEnv(context.name());
			}
		}
		if (!before.currentContextName().equals(after.currentContextName())) {
			checkNotEnv(after.currentContextName());
		}
	}

	private static List<YataiContext> envContexts(YataiConfig config) {
		return config.contexts().stream().filter((context) -> ENV_CONTEXT_NAME.equals(context.name())).toList();
	}

	private static void checkNotEnv(String name) {
		if (ENV_CONTEXT_NAME.equals(name)) {
			throw new IllegalArgumentException("The context " + ENV_CONTEXT_NAME + " stands for BENTO_CLOUD_API_KEY "
					+ "and is never written to the credentials file");
		}
	}

	private static Node node(JsonNode value) {
		if (value.isObject()) {
			List<String> keys = new ArrayList<>(value.propertyNames());
			keys.sort(PYTHON_ORDER);
			List<NodeTuple> tuples = new ArrayList<>();
			for (String key : keys) {
				tuples.add(new NodeTuple(string(key), node(value.get(key))));
			}
			return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
		}
		if (value.isArray()) {
			List<Node> items = new ArrayList<>();
			value.forEach((item) -> items.add(node(item)));
			return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
		}
		if (value.isNull() || value.isMissingNode()) {
			return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
		}
		if (value.isBoolean()) {
			return new ScalarNode(Tag.BOOL, value.booleanValue() ? "true" : "false", ScalarStyle.PLAIN);
		}
		if (value.isIntegralNumber()) {
			return new ScalarNode(Tag.INT, value.asString(), ScalarStyle.PLAIN);
		}
		if (value.isNumber()) {
			return new ScalarNode(Tag.FLOAT, value.asString(), ScalarStyle.PLAIN);
		}
		return string(value.asString());
	}

	private static ScalarNode string(String value) {
		ScalarStyle style = YAML11_NON_STRING.matcher(value).matches() ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN;
		return new ScalarNode(Tag.STR, value, style);
	}

	/** The file to replace: the target of a symbolic link, so that the link survives. */
	private static Path writeTarget(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		try {
			if (Files.isSymbolicLink(absolute)) {
				return absolute.toRealPath();
			}
		}
		catch (IOException ex) {
			// A dangling link: write through it like Python's open("w") would.
			try {
				Path link = Files.readSymbolicLink(absolute);
				return absolute.resolveSibling(link).toAbsolutePath().normalize();
			}
			catch (IOException ignored) {
				// fall through
			}
		}
		return absolute;
	}

	private static void createFolder(Path folder) {
		if (Files.isDirectory(folder)) {
			return;
		}
		try {
			List<Path> missing = new ArrayList<>();
			for (Path candidate = folder; candidate != null
					&& !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); candidate = candidate.getParent()) {
				missing.add(candidate);
			}
			Files.createDirectories(folder);
			if (isPosix()) {
				// createDirectories' attributes pass through the umask; set the mode
				// explicitly.
				for (Path created : missing) {
					Files.setPosixFilePermissions(created, FOLDER_PERMISSIONS);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the folder " + folder
					+ " for the BentoCloud credentials file: " + ex.getClass().getSimpleName() + " " + ex.getMessage(),
					ex);
		}
	}

	private static void replace(Path target, byte[] content) throws IOException {
		Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp", fileAttributes());
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			if (isPosix()) {
				Files.setPosixFilePermissions(temporary, FILE_PERMISSIONS);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<?>[] fileAttributes() {
		return isPosix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS) }
				: new FileAttribute<?>[0];
	}

	private record StringWriter(StringBuilder out) implements StreamDataWriter {

		@Override
		public void write(String str) {
			this.out.append(str);
		}

		@Override
		public void write(String str, int off, int len) {
			this.out.append(str, off, off + len);
		}

	}

}
