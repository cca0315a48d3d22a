package dev.bentocloud.sample.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.bentocloud.client.credentials.YataiConfig;
import dev.bentocloud.client.credentials.YataiContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cloud current-context}: the context in use, as JSON with {@code name},
 * {@code endpoint}, {@code api_token} and {@code email}, exactly as
 * {@code bentoml cloud current-context} prints it, so that {@code jq} scripts work with
 * either CLI. {@code BENTO_CLOUD_API_KEY}, when present, wins over the file as BentoML's
 * {@code __env__} context.
 * <p>
 * This is the one command that prints an API token: on purpose, for those scripts.
 */
@Command(name = "current-context",
		description = { "Print the current context as JSON, API token included (like `bentoml cloud current-context`).",
				"BENTO_CLOUD_API_KEY, when set, wins as context __env__." })
public class CloudCurrentContextCommand implements Callable<Integer> {

	/** The formats of this command: structured only, since its purpose is scripts. */
	public enum Format {

		JSON, YAML;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final CliServices services;

	@Option(names = { "-o", "--output" }, defaultValue = "json", paramLabel = "FORMAT",
			description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	Format format;

	@Spec
	CommandSpec spec;

	public CloudCurrentContextCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		CloudContexts contexts = this.services.cloudContexts();
		YataiContext context = contexts.environmentContext().orElseGet(() -> {
			YataiConfig config = contexts.read();
			return config.currentContext().orElseThrow(() -> contexts.noContext(config.currentContextName(), config));
		});
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("name", context.name());
		dict.put("endpoint", context.endpoint());
		dict.put("api_token", context.apiToken());
		dict.put("email", context.email());
		if (this.format == Format.YAML) {
			StructuredOutput.print(this.spec.commandLine().getOut(), OutputFormat.YAML, dict);
		}
		else {
			PythonJson.print(this.spec.commandLine().getOut(), dict);
		}
		return 0;
	}

}
