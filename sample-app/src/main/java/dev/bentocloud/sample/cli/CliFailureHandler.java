package dev.bentocloud.sample.cli;

import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.support.SecretScrubber;
import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command as BentoML's CLI does, on one line of stderr:
 * {@code Error: [api-token] `list` failed: <message>}, and exits with 1. No stack trace;
 * the configured tokens are masked should a message ever contain one. The line is
 * {@linkplain TerminalText#line(String) terminal-safe}: control characters from
 * server-supplied names are shown as escapes and very long values are cut.
 */
final class CliFailureHandler implements IExecutionExceptionHandler {

	private final CliServices services;

	CliFailureHandler(CliServices services) {
		this.services = services;
	}

	@Override
	public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
		CommandLine group = (command.getParent() != null) ? command.getParent() : command;
		String message = describe(ex, group.getCommand(), command.getCommandName());
		command.getErr()
			.println("Error: [" + group.getCommandName() + "] `" + command.getCommandName() + "` failed: "
					+ TerminalText.line(mask((message != null) ? message : "unknown error")));
		return CommandLine.ExitCode.SOFTWARE;
	}

	private static String describe(Exception ex, Object group, String commandName) {
		if (ex instanceof BentoCloudException failure) {
			return (group instanceof FailureMessages messages) ? messages.describe(commandName, failure)
					: Failures.describe(failure);
		}
		return (ex instanceof CliException) ? ex.getMessage() : rootMessage(ex);
	}

	private String mask(String message) {
		return SecretScrubber.of(this.services.secrets().toArray(String[]::new)).scrub(message);
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

}
