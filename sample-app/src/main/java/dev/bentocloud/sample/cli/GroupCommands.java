package dev.bentocloud.sample.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What command groups ({@code cloud}, {@code api-token}, {@code deployment}) do when
 * called without a subcommand: a usage error (exit 2) naming the subcommands, with the
 * usage.
 */
final class GroupCommands {

	private GroupCommands() {
	}

	static ParameterException missingSubcommand(CommandSpec spec) {
		return new ParameterException(spec.commandLine(), "Missing command: " + spec.name() + " needs one of "
				+ String.join(", ", spec.subcommands().keySet()) + ".");
	}

}
