package dev.bentocloud.spring.credentials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.bentocloud.client.credentials.BentoMlEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One line for each environment variable whose name looks like one of BentoML's but is
 * not ({@code BENTOCLOUD_API_KEY}, {@code BENTO_CLOUD_API_TOKEN},
 * {@code BENTOML_API_KEY}, {@code BENTO_CLOUD_ENDPOINT}, ...), naming the variable that
 * is read. Only names are looked at; a value is never read, let alone shown.
 */
final class BentoMlVariableHints {

	/** Names that are read: BentoML's, and the Spring forms of our properties. */
	private static final Set<String> READ = Set.of(BentoMlEnvironment.API_KEY, BentoMlEnvironment.API_ENDPOINT,
			BentoMlEnvironment.CLOUD_CONTEXT, BentoMlEnvironment.HOME, BentoMlEnvironment.DEPLOYMENT_URL,
			"BENTOCLOUD_API_TOKEN", "BENTOCLOUD_ENDPOINT", "BENTOCLOUD_CONTEXT", "BENTOCLOUD_SERVICE_TOKEN",
			"BENTOCLOUD_ALLOW_INSECURE_ENDPOINT", "BENTOCLOUD_EMULATOR_TOKEN");

	/**
	 * Our own variables without their underscores: Boot also binds
	 * {@code BENTOCLOUD_APITOKEN} (its documented form, dashes removed) to
	 * {@code bentocloud.api-token}. BentoML's names are not in it, so that
	 * {@code BENTOCLOUD_API_KEY} is still a near miss of {@code BENTO_CLOUD_API_KEY}.
	 */
	private static final Set<String> READ_WITHOUT_UNDERSCORES = withoutUnderscores(READ);

	private BentoMlVariableHints() {
	}

	/** One line per near miss among the environment's variables, in their order. */
	static List<String> of(ConfigurableEnvironment environment) {
		if (!(environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME) instanceof EnumerablePropertySource<?> variables)) {
			return List.of();
		}
		// Plain loops: this runs at every startup, and each stream stage would load a
		// class.
		List<String> hints = new ArrayList<>();
		for (String name : variables.getPropertyNames()) {
			String meant = meant(name);
			if (meant != null) {
				hints.add("The environment variable " + SafeText.value(name) + " is not read: did you mean " + meant
						+ "?");
			}
		}
		return hints;
	}

	private static Set<String> withoutUnderscores(Set<String> names) {
		Set<String> result = new HashSet<>();
		for (String name : names) {
			if (name.startsWith("BENTOCLOUD_")) {
				result.add(name.replace("_", ""));
			}
		}
		return Set.copyOf(result);
	}

	/** The variable a name was probably meant to be, or {@code null}. */
	static @Nullable String meant(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (READ.contains(name)
				|| (upper.startsWith("BENTOCLOUD_") && READ_WITHOUT_UNDERSCORES.contains(upper.replace("_", "")))
				|| !upper.startsWith("BENTO") || upper.startsWith("BENTOCLOUD_SERVICES_")) {
			return null;
		}
		boolean cloud = upper.contains("CLOUD");
		if ((upper.contains("KEY") || upper.contains("TOKEN")) && (cloud || upper.contains("API"))) {
			return BentoMlEnvironment.API_KEY + " (the API token)";
		}
		if (upper.contains("ENDPOINT")
				|| (cloud && (upper.endsWith("_URL") || upper.endsWith("_HOST")) && !upper.contains("DEPLOYMENT"))) {
			return BentoMlEnvironment.API_ENDPOINT + " (the endpoint, with " + BentoMlEnvironment.API_KEY + ")";
		}
		if (upper.contains("CONTEXT")) {
			return BentoMlEnvironment.CLOUD_CONTEXT + " (the .yatai.yaml context)";
		}
		if (READ.contains(upper)) {
			return upper;
		}
		return null;
	}

}
