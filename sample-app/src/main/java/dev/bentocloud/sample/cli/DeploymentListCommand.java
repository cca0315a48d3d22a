package dev.bentocloud.sample.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * {@code deployment list [--cluster C] [--search S] [-o table|json|yaml]}.
 */
@Command(name = "list", description = "List deployments.")
public class DeploymentListCommand implements Callable<Integer> {

	private final ObjectProvider<BentoCloudClient> client;

	private final Environment environment;

	@Option(names = "--cluster", paramLabel = "NAME", description = "Only deployments in this cluster.")
	String cluster;

	@Option(names = "--search", paramLabel = "TEXT", description = "Only deployments whose name contains TEXT.")
	String search;

	@Mixin
	OutputOption output;

	@Spec
	CommandSpec spec;

	public DeploymentListCommand(ObjectProvider<BentoCloudClient> client, Environment environment) {
		this.client = client;
		this.environment = environment;
	}

	@Override
	public Integer call() {
		DeploymentQuery query = DeploymentQuery.all().withCluster(this.cluster).withSearch(this.search);
		List<Deployment> deployments = CliClient.require(this.client).deployments().list(query);
		DeploymentOutput.printList(this.spec.commandLine().getOut(), this.output.format(), deployments,
				CliEndpoint.of(this.environment));
		return 0;
	}

}
