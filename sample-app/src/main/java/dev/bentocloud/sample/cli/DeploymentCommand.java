package dev.bentocloud.sample.cli;

import picocli.CommandLine.Command;

/**
 * {@code deployment}: the read-only part of BentoML's {@code bentoml deployment}
 * commands.
 */
@Command(name = "deployment", description = "Show BentoCloud deployments.",
		subcommands = { DeploymentListCommand.class, DeploymentGetCommand.class })
public class DeploymentCommand {

}
