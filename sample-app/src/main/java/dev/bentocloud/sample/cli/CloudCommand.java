package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cloud}: BentoML's {@code bentoml cloud} commands, on the same credentials file
 * ({@code .yatai.yaml}), so that users can switch freely between this CLI and BentoML's.
 */
@Command(name = CloudCommand.NAME, description = "Manage BentoCloud contexts (shared with `bentoml cloud`).",
		subcommands = { CloudLoginCommand.class, CloudCurrentContextCommand.class, CloudListContextCommand.class,
				CloudUpdateCurrentContextCommand.class })
public class CloudCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/** Without a subcommand: a usage error (exit 2) that lists them. */
	@Override
	public Integer call() {
		throw GroupCommands.missingSubcommand(this.spec);
	}

	/** The group's name. */
	public static final String NAME = "cloud";

}
