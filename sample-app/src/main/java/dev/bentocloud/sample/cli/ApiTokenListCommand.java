package dev.bentocloud.sample.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.bentocloud.client.model.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code api-token list [--search S] [-o table|json|yaml]}. Unlike BentoML's CLI, which
 * shows only the first 100, it pages through all tokens.
 */
@Command(name = "list", description = "List API tokens.")
public class ApiTokenListCommand implements Callable<Integer> {

	private final CliServices services;

	@Option(names = "--search", paramLabel = "TEXT", description = "Only tokens whose name contains TEXT.")
	String search;

	@Mixin
	OutputOption output;

	@Spec
	CommandSpec spec;

	public ApiTokenListCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		List<ApiToken> tokens = this.services.client().apiTokens().list(this.search);
		ApiTokenOutput.printList(this.spec.commandLine().getOut(), this.output.format(), tokens);
		return 0;
	}

}
