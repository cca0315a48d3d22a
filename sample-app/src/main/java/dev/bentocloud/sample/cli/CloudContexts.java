package dev.bentocloud.sample.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfig;
import dev.bentocloud.client.credentials.YataiConfigException;
import dev.bentocloud.client.credentials.YataiConfigLocation;
import dev.bentocloud.client.credentials.YataiConfigReader;
import dev.bentocloud.client.credentials.YataiConfigWriter;
import dev.bentocloud.client.credentials.YataiContext;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the {@code cloud} commands share: the credentials file the starter also reads
 * ({@link YataiConfigLocation}: {@code bentocloud.config-file},
 * {@code $BENTOML_HOME/.yatai.yaml}, {@code ~/bentoml/.yatai.yaml}), and BentoML's
 * environment variables, read by their exact names as BentoML's Python client does.
 */
final class CloudContexts {

	private final Path file;

	/** Whether bentocloud.config-file chose the file (else BENTOML_HOME or HOME). */
	private final boolean configFileSet;

	private final BentoMlEnvironment variables;

	private final YataiConfigReader reader = new YataiConfigReader();

	private final YataiConfigWriter writer = new YataiConfigWriter(this.reader);

	/**
	 * The file and variables a command sees.
	 * @param configFile {@code bentocloud.config-file}, or {@code null}
	 * @param variables the OS environment, by exact name
	 */
	CloudContexts(@Nullable String configFile, BentoMlEnvironment variables) {
		this.variables = variables;
		this.configFileSet = configFile != null && !configFile.isBlank();
		this.file = YataiConfigLocation.resolve(configFile, this.variables).file();
	}

	/** The file and variables of a Spring environment. */
	static CloudContexts of(ConfigurableEnvironment environment) {
		return new CloudContexts(environment.getProperty(LeanCliSettings.CONFIG_FILE),
				BentoMlEnvironment.of(environment));
	}

	Path file() {
		return this.file;
	}

	/**
	 * An environment variable that is present, even empty (BentoML checks
	 * {@code "X" in environ}).
	 */
	Optional<String> env(String name) {
		return this.variables.present(name);
	}

	/** BentoML's {@code __env__} context, when {@code BENTO_CLOUD_API_KEY} is present. */
	Optional<YataiContext> environmentContext() {
		return env(BentoMlEnvironment.API_KEY).map((token) -> new YataiContext(YataiConfigWriter.ENV_CONTEXT_NAME,
				env(BentoMlEnvironment.API_ENDPOINT).orElse(BentoCloudEndpoints.DEFAULT_ENDPOINT), token, null));
	}

	/**
	 * The file's content; an empty configuration when there is no file (nothing is
	 * written).
	 */
	YataiConfig read() {
		try {
			return this.reader.read(this.file).orElse(YataiConfig.empty());
		}
		catch (YataiConfigException ex) {
			throw unusable(ex);
		}
	}

	/**
	 * Read, change and write under the writer's lock; a {@link CliException} leaves the
	 * file alone.
	 */
	YataiConfig update(UnaryOperator<YataiConfig> change) {
		try {
			return this.writer.update(this.file, change);
		}
		catch (YataiConfigException ex) {
			throw unusable(ex);
		}
		catch (UncheckedIOException ex) {
			throw cannotWrite(this.file, ex.getCause(), this.configFileSet);
		}
	}

	/**
	 * Fails early, before any network call and without writing anything, when the file's
	 * folder cannot be created or written: its nearest existing ancestor is not a
	 * directory, is on a read-only file system, or may not be written by this user. A
	 * failure the check cannot foresee is reported the same way by {@link #update}.
	 */
	void checkWritable() {
		Path existing = folder();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return;
		}
		if (!Files.isDirectory(existing)) {
			throw cannotWrite(this.file, existing + " is not a directory", this.configFileSet);
		}
		if (!Files.isWritable(existing)) {
			throw cannotWrite(this.file,
					(isReadOnlyFileSystem(existing) ? "read-only file system" : "permission denied") + " (" + existing
							+ ")",
					this.configFileSet);
		}
	}

	/**
	 * A warning when others may write the folder of the credentials file (see
	 * {@link PrivateFiles#credentialsFolderWarning}).
	 */
	Optional<String> folderWarning() {
		Path folder = folder();
		if (folder == null || !Files.isDirectory(folder)) {
			return Optional.empty();
		}
		return PrivateFiles.credentialsFolderWarning(folder,
				this.configFileSet ? "set bentocloud.config-file to a path in it." : "set BENTOML_HOME to it.");
	}

	/**
	 * The folder the writer writes in: that of the link's target when the file is a
	 * symbolic link.
	 */
	private @Nullable Path folder() {
		Path absolute = this.file.toAbsolutePath().normalize();
		if (Files.isSymbolicLink(absolute)) {
			try {
				return absolute.toRealPath().getParent();
			}
			catch (IOException ex) {
				// a dangling link: the writer creates its target next to it
			}
		}
		return absolute.getParent();
	}

	private static boolean isReadOnlyFileSystem(Path path) {
		try {
			return Files.getFileStore(path).isReadOnly();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * "Cannot write FILE: what went wrong (where). What to set. Nothing was saved." One
	 * line, no exception class, and never only a path (an {@link AccessDeniedException}'s
	 * message is just the path).
	 */
	static CliException cannotWrite(Path file, IOException ex, boolean configFileSet) {
		return cannotWrite(file, describe(ex), configFileSet);
	}

	private static CliException cannotWrite(Path file, String problem, boolean configFileSet) {
		return new CliException("Cannot write " + file + ": " + problem + ". "
				+ (configFileSet ? "Set bentocloud.config-file to a writable path."
						: "Set " + BentoMlEnvironment.HOME + " to a writable folder.")
				+ " Nothing was saved.");
	}

	private static String describe(IOException ex) {
		if (ex instanceof FileSystemException failure) {
			// A failed move names the temporary file
			// first and the credentials file second.
			String where = (failure.getOtherFile() != null) ? failure.getOtherFile() : failure.getFile();
			if (ex instanceof AccessDeniedException) {
				return "permission denied (" + where + ")";
			}
			if (ex instanceof FileAlreadyExistsException && where != null) {
				return where + " is not a directory";
			}
			String reason = failure.getReason();
			if (reason != null && !reason.isBlank()) {
				return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1)
						+ ((where != null) ? " (" + where + ")" : "");
			}
			return ex.getClass().getSimpleName() + ((where != null) ? " (" + where + ")" : "");
		}
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	/**
	 * BentoML's "No cloud context NAME found", plus which contexts exist and what to do.
	 */
	CliException noContext(String name, YataiConfig config) {
		List<String> names = config.contextNames();
		String existing = names.isEmpty() ? "There are no contexts in " + this.file
				: "Contexts in " + this.file + ": " + String.join(", ", names);
		return new CliException("No cloud context " + name + " found. " + existing + ". Run `cloud login --api-token "
				+ "TOKEN --context " + name + "` to create it"
				+ (names.isEmpty() ? "." : ", or `cloud update-current-context NAME` to use another."));
	}

	private CliException unusable(YataiConfigException ex) {
		return new CliException("The BentoCloud credentials file cannot be used: " + ex.getMessage()
				+ ". Fix or remove it, then run `cloud login` again.");
	}

}
