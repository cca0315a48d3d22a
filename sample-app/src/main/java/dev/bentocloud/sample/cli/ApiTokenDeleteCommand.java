package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code api-token delete UID}.
 */
@Command(name = "delete", description = "Delete an API token.")
public class ApiTokenDeleteCommand implements Callable<Integer> {

	private final ObjectProvider<BentoCloudClient> client;

	@Parameters(paramLabel = "TOKEN_UID", description = "The UID of the token to delete.")
	String uid;

	@Spec
	CommandSpec spec;

	public ApiTokenDeleteCommand(ObjectProvider<BentoCloudClient> client) {
		this.client = client;
	}

	@Override
	public Integer call() {
		CliClient.require(this.client).apiTokens().delete(this.uid);
		this.spec.commandLine().getOut().println("API token " + TerminalText.cap(this.uid) + " deleted successfully");
		return 0;
	}

}
