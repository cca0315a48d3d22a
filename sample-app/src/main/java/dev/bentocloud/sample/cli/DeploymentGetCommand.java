package dev.bentocloud.sample.cli;

import java.util.concurrent.Callable;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.Deployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * {@code deployment get NAME [--cluster C] [-o yaml|json]}: BentoML's {@code to_dict()},
 * yaml by default.
 */
@Command(name = "get", description = "Show one deployment.")
public class DeploymentGetCommand implements Callable<Integer> {

	private final ObjectProvider<BentoCloudClient> client;

	private final Environment environment;

	@Parameters(paramLabel = "NAME", description = "The deployment name.")
	String name;

	@Option(names = "--cluster", paramLabel = "NAME", description = "The cluster of the deployment.")
	String cluster;

	@Option(names = { "-o", "--output" }, defaultValue = "yaml", paramLabel = "FORMAT",
			description = "Output format: json or yaml (default: ${DEFAULT-VALUE}).")
	OutputFormat output;

	@Spec
	CommandSpec spec;

	public DeploymentGetCommand(ObjectProvider<BentoCloudClient> client, Environment environment) {
		this.client = client;
		this.environment = environment;
	}

	@Override
	public Integer call() {
		Deployment deployment = CliClient.require(this.client)
			.deployments()
			.get(this.name, this.cluster)
			.orElseThrow(() -> new CliException("Deployment '" + this.name + "' not found"));
		OutputFormat format = (this.output == OutputFormat.TABLE) ? OutputFormat.YAML : this.output;
		StructuredOutput.print(this.spec.commandLine().getOut(), format,
				DeploymentOutput.toDict(deployment, CliEndpoint.of(this.environment)));
		return 0;
	}

}
