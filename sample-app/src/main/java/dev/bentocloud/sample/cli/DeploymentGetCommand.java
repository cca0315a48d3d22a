package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.client.model.Deployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deployment get NAME [--cluster C] [-o yaml|json]}: BentoML's {@code to_dict()},
 * yaml by default.
 */
@Command(name = "get", description = "Show one deployment.")
public class DeploymentGetCommand implements Callable<Integer> {

	private final CliServices services;

	@Parameters(paramLabel = "NAME", description = "The deployment name.")
	String name;

	@Option(names = "--cluster", paramLabel = "NAME", description = "The cluster of the deployment.")
	String cluster;

	@Option(names = { "-o", "--output" }, defaultValue = "yaml", paramLabel = "FORMAT",
			description = "Output format: json or yaml (default: ${DEFAULT-VALUE}).")
	OutputFormat output;

	@Spec
	CommandSpec spec;

	public DeploymentGetCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		Deployment deployment = this.services.client()
			.deployments()
			.get(this.name, this.cluster)
			.orElseThrow(() -> new CliException("Deployment '" + this.name + "' not found"));
		OutputFormat format = (this.output == OutputFormat.TABLE) ? OutputFormat.YAML : this.output;
		StructuredOutput.print(this.spec.commandLine().getOut(), format,
				DeploymentOutput.toDict(deployment, this.services.endpoint()));
		return 0;
	}

}
