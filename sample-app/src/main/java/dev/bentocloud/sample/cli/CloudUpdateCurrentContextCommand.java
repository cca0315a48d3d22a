package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfig;
import dev.bentocloud.client.credentials.YataiConfigWriter;
import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cloud update-current-context NAME}: makes a saved context the current one, like
 * {@code bentoml cloud update-current-context}. Unlike BentoML's, it never writes
 * {@code __env__} to the file when {@code BENTO_CLOUD_API_KEY} is set; it switches the
 * file and notes that the variable still wins.
 */
@Command(name = "update-current-context", description = "Switch the current context to a saved one.")
public class CloudUpdateCurrentContextCommand implements Callable<Integer> {

	private final CliServices services;

	@Parameters(index = "0", paramLabel = "NAME", description = "The context to use (see `cloud list-context`).")
	String name;

	@Spec
	CommandSpec spec;

	public CloudUpdateCurrentContextCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		CloudContexts contexts = this.services.cloudContexts();
		if (YataiConfigWriter.ENV_CONTEXT_NAME.equals(this.name)) {
			throw new CliException("The context " + this.name + " is not saved in the file: it stands for "
					+ BentoMlEnvironment.API_KEY + ", which wins over the file whenever it is set.");
		}
		// Checked before taking the lock too, so that
		// a wrong name creates no folder or lock file.
		YataiConfig current = contexts.read();
		if (current.context(this.name).isEmpty()) {
			throw contexts.noContext(this.name, current);
		}
		contexts.update((config) -> {
			if (config.context(this.name).isEmpty()) {
				throw contexts.noContext(this.name, config);
			}
			return config.withCurrentContextName(this.name);
		});
		this.spec.commandLine().getOut().println("Successfully switched to context: " + TerminalText.cap(this.name));
		if (contexts.env(BentoMlEnvironment.API_KEY).isPresent()) {
			this.spec.commandLine()
				.getErr()
				.println("Note: " + BentoMlEnvironment.API_KEY + " is set, and wins over the file (as context "
						+ YataiConfigWriter.ENV_CONTEXT_NAME + ") until it is unset.");
		}
		return 0;
	}

}
