package dev.bentocloud.sample.cli;

import dev.bentocloud.client.BentoCloudException;

/**
 * Implemented by a command group that words failures of its subcommands the way BentoML's
 * CLI does for that group (for example "API token not found").
 */
public interface FailureMessages {

	/**
	 * The message after {@code Error: [group] `command` failed: }.
	 * @param command the subcommand name, e.g. {@code list}
	 * @param failure what the client threw
	 * @return a one-line message without any secret
	 */
	String describe(String command, BentoCloudException failure);

}
