package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.bentocloud.client.credentials.YamlTreeReader.YamlTree;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

import org.springframework.util.function.SingletonSupplier;

/**
 * Reads BentoML's credentials file ({@code .yatai.yaml}) into a {@link YataiConfig}.
 * Never writes the file.
 * <p>
 * Follows BentoML's Python client: unknown keys are ignored (and kept in
 * {@link YataiConfig#raw()}), a file whose YAML is empty or "falsy" ({@code null},
 * {@code {}}, {@code []}, {@code false}, {@code 0}, {@code ""}) means "no contexts",
 * {@code current_context_name} defaults to {@code default}, and {@code email} is
 * optional. Unlike the Python client it reports a broken file with the file name, the
 * line and the problem instead of a stack trace, and does not turn a {@code null} token
 * into the string {@code "None"}.
 * <p>
 * Defensive limits: the file may be at most {@link #DEFAULT_MAX_SIZE} bytes
 * (configurable), YAML aliases are not expanded (no "billion laughs"), and nesting is
 * limited. Error messages never quote the file's content. Instances are immutable and
 * thread-safe.
 */
public final class YataiConfigReader {

	/** The largest credentials file read by default: 1 MiB. */
	public static final int DEFAULT_MAX_SIZE = 1024 * 1024;

	private static final int MAX_NESTING_DEPTH = 32;

	private static final int MAX_ALIASES = 16;

	private final int maxSize;

	private final Supplier<YamlTreeReader> yaml;

	/** Creates a reader with the {@link #DEFAULT_MAX_SIZE default size limit}. */
	public YataiConfigReader() {
		this(DEFAULT_MAX_SIZE);
	}

	/**
	 * Creates a reader.
	 * @param maxSize the largest file, in bytes, that is read
	 */
	public YataiConfigReader(int maxSize) {
		if (maxSize <= 0) {
			throw new IllegalArgumentException("maxSize must be positive");
		}
		this.maxSize = maxSize;
		// Built on the first file that exists: YAML classes cost startup time, and most
		// applications have no credentials file (their token comes from the environment).
		this.yaml = SingletonSupplier.of(() -> createYamlReader(maxSize));
	}

	private static YamlTreeReader createYamlReader(int maxSize) {
		// Aliases and recursive keys only matter to snakeyaml's composer, which is not
		// used (aliases are never expanded); set for whoever composes with these.
		LoadSettings loadSettings = LoadSettings.builder()
			.setMaxAliasesForCollections(MAX_ALIASES)
			.setAllowRecursiveKeys(false)
			.setCodePointLimit(maxSize)
			.setLabel("credentials file")
			.build();
		return new YamlTreeReader(loadSettings,
				StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxDocumentLength(maxSize).build());
	}

	/**
	 * Reads the file, if it exists.
	 * @param file the credentials file
	 * @return the configuration, or empty when there is no such file
	 * @throws YataiConfigException when the file exists but cannot be used
	 */
	public Optional<YataiConfig> read(Path file) {
		if (Files.isDirectory(file)) {
			throw new YataiConfigException(file, 0, "it is a directory, not a file", List.of());
		}
		// A FIFO, socket or device could block the read forever (and startup with it).
		if (Files.exists(file) && !Files.isRegularFile(file)) {
			throw new YataiConfigException(file, 0, "it is not a regular file (a FIFO, socket or device?)", List.of());
		}
		byte[] content;
		try (InputStream in = Files.newInputStream(file)) {
			content = in.readNBytes(this.maxSize + 1);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (AccessDeniedException ex) {
			throw new YataiConfigException(file, 0, "it cannot be read: permission denied", List.of());
		}
		catch (IOException ex) {
			throw new YataiConfigException(file, 0, "it cannot be read: " + ex.getClass().getSimpleName(), List.of());
		}
		if (content.length > this.maxSize) {
			throw new YataiConfigException(file, 0,
					"it is larger than " + this.maxSize + " bytes; a BentoML credentials file is a few hundred bytes",
					List.of());
		}
		return Optional.of(parse(content, file));
	}

	/**
	 * A warning when the file is readable by its group or by others, as OpenSSH gives for
	 * keys: BentoML writes the file with the process's umask, often {@code 0644}.
	 * @param file the credentials file
	 * @return the warning, naming the file and the {@code chmod} that fixes it; empty
	 * when only the owner can read it, or the file system has no POSIX permissions
	 */
	public static Optional<String> permissionWarning(Path file) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
					PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
			open.retainAll(permissions);
			if (open.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of("The BentoCloud credentials file " + file + " holds API tokens but is accessible by "
					+ "others (permissions " + PosixFilePermissions.toString(permissions) + "). Run `chmod 600 " + file
					+ "` so that only you can read it.");
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Parses credentials file content.
	 * @param content the file's bytes (UTF-8, as BentoML writes them)
	 * @param file the file name to report in errors
	 * @return the configuration
	 * @throws YataiConfigException when the content is not a usable credentials file
	 */
	public YataiConfig parse(byte[] content, Path file) {
		YamlTree tree;
		try {
			tree = this.yaml.get().read(content, file);
		}
		catch (StreamConstraintsException ex) {
			throw new YataiConfigException(file, 0, "it exceeds a parser limit (nesting deeper than "
					+ MAX_NESTING_DEPTH + " or a value that is too long)", List.of());
		}
		if (isFalsy(tree.root())) {
			return YataiConfig.empty();
		}
		return new YataiConfigStructure(file, tree.root(), tree.lines()).toConfig();
	}

	/**
	 * Whether Python would consider the parsed document falsy (BentoML then uses
	 * defaults).
	 */
	private static boolean isFalsy(JsonNode root) {
		if (root == null || root.isMissingNode() || root.isNull()) {
			return true;
		}
		if (root.isContainer()) {
			return root.isEmpty();
		}
		if (root.isBoolean()) {
			return !root.booleanValue();
		}
		if (root.isNumber()) {
			return root.doubleValue() == 0;
		}
		return root.isString() && root.stringValue().isEmpty();
	}

}
