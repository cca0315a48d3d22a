package dev.bentocloud.spring.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An environment that sees none of the machine's environment variables and system
 * properties, only the test's: a developer's {@code BENTO_CLOUD_API_KEY} or
 * {@code ~/.yatai.yaml} never reaches a test, and no test depends on them.
 */
public final class IsolatedEnvironment {

	private IsolatedEnvironment() {
	}

	/**
	 * An environment whose only variable is {@code HOME} and that has no system
	 * properties.
	 * @param home the value of {@code HOME}
	 * @return the environment
	 */
	public static StandardEnvironment withHome(Path home) {
		return withHome(home, Map.of(), Map.of());
	}

	/**
	 * An environment with these variables and {@code HOME}, and these system properties.
	 * @param home the value of {@code HOME}, which wins over one in the variables
	 * @param variables the environment variables
	 * @param systemProperties the system properties
	 * @return the environment
	 */
	public static StandardEnvironment withHome(Path home, Map<String, ?> variables, Map<String, ?> systemProperties) {
		Map<String, Object> allVariables = new LinkedHashMap<>(variables);
		allVariables.put("HOME", home.toString());
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						allVariables));
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(
				StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(systemProperties)));
		return environment;
	}

}
