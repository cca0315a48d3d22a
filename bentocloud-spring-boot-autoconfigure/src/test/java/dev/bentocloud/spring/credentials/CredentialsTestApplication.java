package dev.bentocloud.spring.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Runs a tiny Spring Boot application in this JVM with a controlled OS environment,
 * system properties, command line, config files and home directory, so that the
 * credentials post-processor runs exactly as it would in an application (registered by
 * spring.factories). The real OS environment and system properties of the test JVM are
 * not visible to it.
 */
final class CredentialsTestApplication {

	private final Path home;

	private final Path configDir;

	private final Map<String, Object> environment = new LinkedHashMap<>();

	private final Map<String, Object> systemProperties = new LinkedHashMap<>();

	private final List<String> args = new ArrayList<>();

	CredentialsTestApplication(Path dir) {
		this.home = dir.resolve("home");
		this.configDir = dir.resolve("config");
		try {
			Files.createDirectories(this.home);
			Files.createDirectories(this.configDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.environment.put("HOME", this.home.toString());
	}

	Path home() {
		return this.home;
	}

	CredentialsTestApplication env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	CredentialsTestApplication systemProperty(String name, String value) {
		this.systemProperties.put(name, value);
		return this;
	}

	CredentialsTestApplication arg(String arg) {
		this.args.add(arg);
		return this;
	}

	/** Writes {@code application.yml}, or {@code application-<profile>.yml}. */
	CredentialsTestApplication applicationYaml(String profile, String content) {
		write(this.configDir.resolve((profile != null) ? "application-" + profile + ".yml" : "application.yml"),
				content);
		return this;
	}

	CredentialsTestApplication applicationYaml(String content) {
		return applicationYaml(null, content);
	}

	/** Writes a file below the home directory, e.g. {@code bentoml/.yatai.yaml}. */
	Path homeFile(String relativePath, String content) {
		Path file = this.home.resolve(relativePath);
		write(file, content);
		return file;
	}

	ConfigurableApplicationContext run() {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(
				StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, this.systemProperties));
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						this.environment));
		List<String> allArgs = new ArrayList<>(this.args);
		allArgs.add("--spring.config.location=file:" + this.configDir + "/");
		// Not seen as a test by Boot's Docker Compose support (on this class path), which
		// would look for a compose.yaml.
		return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.properties("spring.docker.compose.enabled=false")
			.environment(environment)
			.logStartupInfo(false)
			.run(allArgs.toArray(String[]::new));
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The starter's auto-configuration (its connection details warn when there is no
	 * token) without WebClient's.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BentoCloudAutoConfiguration.class)
	static class Config {

	}

}
