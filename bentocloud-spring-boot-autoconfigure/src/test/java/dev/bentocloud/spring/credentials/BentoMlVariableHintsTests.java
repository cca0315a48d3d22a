package dev.bentocloud.spring.credentials;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.spring.testsupport.IsolatedEnvironment;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Environment variables named almost like BentoML's get one warning each at startup,
 * naming the variable that is read, never the value; the variables that are read, and
 * BentoCloud's own, get none.
 */
class BentoMlVariableHintsTests {

	@Test
	void nearMissesGetOneWarningEachNamingTheVariableThatIsRead() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("BENTOCLOUD_API_KEY", "SECRET-1");
		variables.put("BENTO_CLOUD_API_TOKEN", "SECRET-2");
		variables.put("BENTOML_API_KEY", "SECRET-3");
		variables.put("BENTO_CLOUD_ENDPOINT", "https://acme.cloud.bentoml.com");
		variables.put("BENTO_CLOUD_CONTEXT", "acme");
		List<String> warnings = startUp(variables);
		assertThat(warnings).containsExactly(
				"The environment variable BENTOCLOUD_API_KEY is not read: did you mean BENTO_CLOUD_API_KEY (the API "
						+ "token)?",
				"The environment variable BENTO_CLOUD_API_TOKEN is not read: did you mean BENTO_CLOUD_API_KEY (the "
						+ "API token)?",
				"The environment variable BENTOML_API_KEY is not read: did you mean BENTO_CLOUD_API_KEY (the API "
						+ "token)?",
				"The environment variable BENTO_CLOUD_ENDPOINT is not read: did you mean BENTO_CLOUD_API_ENDPOINT "
						+ "(the endpoint, with BENTO_CLOUD_API_KEY)?",
				"The environment variable BENTO_CLOUD_CONTEXT is not read: did you mean BENTOML_CLOUD_CONTEXT (the "
						+ ".yatai.yaml context)?");
		assertThat(String.join("\n", warnings)).doesNotContain("SECRET", "acme");
	}

	@Test
	void variablesThatAreReadAndThoseOfBentoCloudAndOtherToolsGetNoWarning() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("BENTO_CLOUD_API_KEY", "SECRET-4");
		variables.put("BENTO_CLOUD_API_ENDPOINT", "https://acme.cloud.bentoml.com");
		variables.put("BENTOCLOUD_API_TOKEN", "SECRET-5");
		variables.put("BENTOCLOUD_ALLOW_INSECURE_ENDPOINT", "false");
		// Boot's documented environment forms of bentocloud.* (dashes removed)
		variables.put("BENTOCLOUD_APITOKEN", "SECRET-8");
		variables.put("BENTOCLOUD_ALLOWINSECUREENDPOINT", "false");
		variables.put("BENTOCLOUD_EMULATOR_TOKEN", "SECRET-9");
		variables.put("BENTOCLOUD_SERVICES_SUMMARIZER_TOKEN", "SECRET-6");
		variables.put("BENTOCLOUD_DEPLOYMENT_URL", "https://iris.example.com");
		variables.put("BENTOCLOUD_IMAGE_FINGERPRINT", "abc");
		variables.put("BENTOML_HF_TOKEN", "SECRET-7");
		assertThat(startUp(variables)).isEmpty();
	}

	/** The warnings of the credentials post-processor for these variables. */
	private static List<String> startUp(Map<String, Object> variables) {
		StandardEnvironment environment = IsolatedEnvironment.withHome(Path.of("/nonexistent"), variables, Map.of());
		List<String> warnings = new ArrayList<>();
		new BentoCloudCredentialsEnvironmentPostProcessor((destination) -> warnings(warnings))
			.postProcessEnvironment(environment, new SpringApplication());
		return warnings;
	}

	private static Log warnings(List<String> warnings) {
		return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] { Log.class },
				(proxy, method, args) -> {
					if (method.getName().startsWith("is")) {
						return true;
					}
					if (method.getName().equals("warn") && args != null && args.length > 0
							&& String.valueOf(args[0]).startsWith("The environment variable")) {
						warnings.add(String.valueOf(args[0]));
					}
					return null;
				});
	}

}
