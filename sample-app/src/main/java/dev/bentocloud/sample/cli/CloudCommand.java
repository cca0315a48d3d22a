package dev.bentocloud.sample.cli;

import picocli.CommandLine.Command;

/**
 * {@code cloud}: BentoML's {@code bentoml cloud} commands, on the same credentials file
 * ({@code .yatai.yaml}), so that users can switch freely between this CLI and BentoML's.
 */
@Command(name = CloudCommand.NAME, description = "Manage BentoCloud contexts (shared with `bentoml cloud`).",
		subcommands = { CloudLoginCommand.class, CloudCurrentContextCommand.class, CloudListContextCommand.class,
				CloudUpdateCurrentContextCommand.class })
public class CloudCommand {

	/** The group's name. */
	public static final String NAME = "cloud";

}
