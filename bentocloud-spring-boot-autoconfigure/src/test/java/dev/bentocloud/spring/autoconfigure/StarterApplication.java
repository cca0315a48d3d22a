package dev.bentocloud.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bentocloud.spring.testsupport.IsolatedEnvironment;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an application with the starter's auto-configuration as {@code main} would, from
 * a configuration file of the test's and an {@link IsolatedEnvironment}, so that Boot's
 * startup failure reports are printed as users see them.
 */
final class StarterApplication {

	private StarterApplication() {
	}

	/**
	 * Writes the configuration file to {@code home/config} and starts the application.
	 * @param home the directory of the configuration and the value of {@code HOME}
	 * @param fileName the name of the configuration file, such as {@code application.yml}
	 * @param content the content of the configuration file
	 * @param variables the environment variables
	 * @param args the command line arguments
	 * @return the started context
	 * @throws IOException if the file cannot be written
	 */
	static ConfigurableApplicationContext run(Path home, String fileName, String content, Map<String, ?> variables,
			String... args) throws IOException {
		Path config = Files.createDirectories(home.resolve("config"));
		Files.writeString(config.resolve(fileName), content);
		List<String> allArgs = new ArrayList<>(List.of(args));
		allArgs.add("--spring.config.location=file:" + config + "/");
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.environment(IsolatedEnvironment.withHome(home, variables, Map.of()))
			.logStartupInfo(false)
			.run(allArgs.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			BentoCloudAutoConfiguration.class })
	static class App {

	}

}
