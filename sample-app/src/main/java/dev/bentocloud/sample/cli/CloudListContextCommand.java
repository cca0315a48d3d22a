package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cloud list-context}: the names of the file's contexts as a JSON array, like
 * {@code bentoml cloud list-context} ({@code __env__} is not a file context and is not
 * listed).
 */
@Command(name = "list-context", description = "Print the names of the saved contexts as a JSON array.")
public class CloudListContextCommand implements Callable<Integer> {

	private final CliServices services;

	@Spec
	CommandSpec spec;

	public CloudListContextCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		PythonJson.print(this.spec.commandLine().getOut(), this.services.cloudContexts().read().contextNames());
		return 0;
	}

}
