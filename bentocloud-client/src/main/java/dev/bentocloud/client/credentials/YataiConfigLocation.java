package dev.bentocloud.client.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where BentoML's credentials file is: {@code bentocloud.config-file}, else
 * {@code $BENTOML_HOME/.yatai.yaml} ({@code $VAR}, {@code ${VAR}} and {@code ~} expanded,
 * as BentoML does), else {@code ~/bentoml/.yatai.yaml}, or {@code ~/.bentoml/.yatai.yaml}
 * when only that one exists. Shared by the credentials post-processor (reading) and
 * {@link YataiConfigWriter} callers such as a {@code cloud login} command (writing), so
 * both always use the same file.
 *
 * @param file the file to read and write (may not exist yet)
 * @param skipped {@code ~/bentoml/.yatai.yaml} when it does not exist and {@code file} is
 * the {@code ~/.bentoml} alternative, else {@code null}
 * @param alsoMissing {@code ~/.bentoml/.yatai.yaml} when neither default exists, else
 * {@code null}
 * @since 0.1.0
 */
public record YataiConfigLocation(Path file, @Nullable Path skipped, @Nullable Path alsoMissing) {

	/** The file name BentoML uses. */
	public static final String FILE_NAME = ".yatai.yaml";

	private static final Pattern VARIABLE = Pattern
		.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

	/**
	 * The credentials file.
	 * @param configFile the {@code bentocloud.config-file} value, or {@code null}
	 * @param variables the OS environment
	 * @return the location
	 */
	public static YataiConfigLocation resolve(@Nullable String configFile, BentoMlEnvironment variables) {
		Function<String, @Nullable String> environment = variables.lookup();
		if (configFile != null && !configFile.isBlank()) {
			return new YataiConfigLocation(Path.of(expandHome(configFile.strip(), environment)), null, null);
		}
		String bentomlHome = environment.apply(BentoMlEnvironment.HOME);
		if (bentomlHome != null && !bentomlHome.isBlank()) {
			return new YataiConfigLocation(Path.of(expandVariables(bentomlHome, environment)).resolve(FILE_NAME), null,
					null);
		}
		Path home = Path.of(userHome(environment));
		Path standard = home.resolve("bentoml").resolve(FILE_NAME);
		Path documented = home.resolve(".bentoml").resolve(FILE_NAME);
		if (Files.exists(standard) || !Files.exists(documented)) {
			return new YataiConfigLocation(standard, null, Files.exists(standard) ? null : documented);
		}
		return new YataiConfigLocation(documented, standard, null);
	}

	private static String userHome(Function<String, @Nullable String> environment) {
		String home = environment.apply("HOME");
		return (home != null && !home.isBlank()) ? home : System.getProperty("user.home");
	}

	private static String expandHome(String path, Function<String, @Nullable String> environment) {
		if (path.equals("~") || path.startsWith("~/")) {
			return userHome(environment) + path.substring(1);
		}
		return path;
	}

	/** BentoML expands $VAR, ${VAR} and ~ in BENTOML_HOME. */
	private static String expandVariables(String path, Function<String, @Nullable String> environment) {
		StringBuilder expanded = new StringBuilder();
		Matcher matcher = VARIABLE.matcher(path);
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			String value = environment.apply(name);
			// Like Python's expandvars: unknown variables stay as they are.
			matcher.appendReplacement(expanded, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(expanded);
		return expandHome(expanded.toString(), environment);
	}

}
