package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code api-token delete UID}.
 */
@Command(name = "delete", description = "Delete an API token.")
public class ApiTokenDeleteCommand implements Callable<Integer> {

	private final CliServices services;

	@Parameters(paramLabel = "TOKEN_UID", description = "The UID of the token to delete.")
	String uid;

	@Spec
	CommandSpec spec;

	public ApiTokenDeleteCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		this.services.client().apiTokens().delete(this.uid);
		this.spec.commandLine().getOut().println("API token " + TerminalText.cap(this.uid) + " deleted successfully");
		return 0;
	}

}
