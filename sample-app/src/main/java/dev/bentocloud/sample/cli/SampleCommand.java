package dev.bentocloud.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ScopeType;

/**
 * The root of the command tree, mirroring BentoML's {@code bentoml cloud …},
 * {@code bentoml api-token …} and {@code bentoml deployment …}. A new command group is a
 * class of its own, added to {@code subcommands} below; a group that wants BentoML-style
 * failure messages implements {@link FailureMessages}.
 */
@Command(name = "sample-app", mixinStandardHelpOptions = true, version = "BentoCloud sample 0.1.0",
		// -h/--help and -V/--version on every command and subcommand, present and future
		scope = ScopeType.INHERIT,
		description = "Manage BentoCloud contexts, API tokens and deployments with the BentoCloud Spring Boot starter.",
		footer = { "", "Without a command, the jar runs the web service instead.",
				"Spring properties go before the command, e.g. --spring.profiles.active=emulator api-token list." },
		subcommands = { WhoamiCommand.class, CloudCommand.class, ApiTokenCommand.class, DeploymentCommand.class,
				HelpCommand.class })
public class SampleCommand {

	/**
	 * A {@link CommandLine} for the whole tree, with the shared settings.
	 * @param factory creates command objects (normally from Spring)
	 * @param failureHandler turns exceptions from commands into a message and exit code 1
	 * @return the command line, ready for {@link CommandLine#execute(String...)}
	 */
	public static CommandLine commandLine(IFactory factory, IExecutionExceptionHandler failureHandler) {
		CommandLine commandLine = new CommandLine(SampleCommand.class, factory);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler(failureHandler);
		commandLine.setParameterExceptionHandler(new CliUsageErrorHandler());
		return commandLine;
	}

}
