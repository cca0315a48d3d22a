package dev.bentocloud.client.credentials;

import java.util.List;

/**
 * The rule for BentoML's synthetic context {@value YataiConfigWriter#ENV_CONTEXT_NAME}
 * (from {@code BENTO_CLOUD_API_KEY}): never written, neither as a context nor as the
 * current context. BentoML's Python client itself may have put such an entry into the
 * file; it is kept as it is, since the writer changes only what it is asked to.
 */
final class EnvContextPolicy {

	private EnvContextPolicy() {
	}

	/**
	 * Refuses a change that adds or changes an env context or makes one current.
	 * @param before the configuration read
	 * @param after the configuration to write
	 * @throws IllegalArgumentException when the change would write an env context
	 */
	static void checkNoNewEnvContext(YataiConfig before, YataiConfig after) {
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

	/**
	 * Refuses the env context's name.
	 * @param name the name of a context to write
	 * @throws IllegalArgumentException for {@value YataiConfigWriter#ENV_CONTEXT_NAME}
	 */
	static void checkNotEnv(String name) {
		if (YataiConfigWriter.ENV_CONTEXT_NAME.equals(name)) {
			throw new IllegalArgumentException("The context " + YataiConfigWriter.ENV_CONTEXT_NAME
					+ " stands for BENTO_CLOUD_API_KEY and is never written to the credentials file");
		}
	}

	private static List<YataiContext> envContexts(YataiConfig config) {
		return config.contexts()
			.stream()
			.filter((context) -> YataiConfigWriter.ENV_CONTEXT_NAME.equals(context.name()))
			.toList();
	}

}
