package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.client.model.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code api-token get UID [-o table|json|yaml]}: a Field/Value table, as BentoML's CLI
 * shows.
 */
@Command(name = "get", description = "Show one API token.")
public class ApiTokenGetCommand implements Callable<Integer> {

	private final CliServices services;

	@Parameters(paramLabel = "TOKEN_UID", description = "The UID of the token (see `api-token list`).")
	String uid;

	@Mixin
	OutputOption output;

	@Spec
	CommandSpec spec;

	public ApiTokenGetCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		ApiToken token = this.services.client()
			.apiTokens()
			.get(this.uid)
			.orElseThrow(() -> new CliException("API token with UID '" + this.uid + "' not found"));
		ApiTokenOutput.printDetails(this.spec.commandLine().getOut(), this.output.format(), token);
		return 0;
	}

}
