package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code deployment}: the read-only part of BentoML's {@code bentoml deployment}
 * commands.
 */
@Command(name = "deployment", description = "Show BentoCloud deployments.",
		subcommands = { DeploymentListCommand.class, DeploymentGetCommand.class })
public class DeploymentCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/** Without a subcommand: a usage error (exit 2) that lists them. */
	@Override
	public Integer call() {
		throw GroupCommands.missingSubcommand(this.spec);
	}

}
