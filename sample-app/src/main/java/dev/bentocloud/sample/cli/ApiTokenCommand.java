package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.BentoCloudException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code api-token}: the group of BentoML's {@code bentoml api-token} commands.
 */
@Command(name = "api-token", description = "Manage BentoCloud API tokens.", subcommands = { ApiTokenListCommand.class,
		ApiTokenCreateCommand.class, ApiTokenGetCommand.class, ApiTokenDeleteCommand.class })
public class ApiTokenCommand implements FailureMessages, Callable<Integer> {

	@Spec
	CommandSpec spec;

	/** Without a subcommand: a usage error (exit 2) that lists them. */
	@Override
	public Integer call() {
		throw GroupCommands.missingSubcommand(this.spec);
	}

	/**
	 * BentoML's {@code _raise_api_token_error} wording; a missing token is reported as
	 * is.
	 */
	@Override
	public String describe(String command, BentoCloudException failure) {
		if (Failures.isUnauthorized(failure) || failure instanceof BentoCloudCredentialsException) {
			return Failures.describe(failure);
		}
		if (Failures.isNotFound(failure)) {
			return "API token not found";
		}
		return "Failed to " + command + " API token: " + failure.getMessage();
	}

}
