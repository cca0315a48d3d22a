package dev.bentocloud.sample.cli;

import java.io.PrintWriter;

import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors as picocli reports them (message, suggestions or usage, exit code 2), but
 * with the message on one safe line: picocli quotes the arguments it did not understand,
 * and those may carry escape sequences ({@code "--x\u001b]0;pwned\u0007"}).
 */
final class CliUsageErrorHandler implements IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println(TerminalText.line(ex.getMessage()));
		// The suggestions are the command's own option and command names.
		if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
			commandLine.usage(err);
		}
		return (commandLine.getExitCodeExceptionMapper() != null)
				? commandLine.getExitCodeExceptionMapper().getExitCode(ex)
				: commandLine.getCommandSpec().exitCodeOnInvalidInput();
	}

}
