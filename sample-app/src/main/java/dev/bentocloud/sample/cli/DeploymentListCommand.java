package dev.bentocloud.sample.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deployment list [--cluster C] [--search S] [-o table|json|yaml]}.
 */
@Command(name = "list", description = "List deployments.")
public class DeploymentListCommand implements Callable<Integer> {

	private final CliServices services;

	@Option(names = "--cluster", paramLabel = "NAME", description = "Only deployments in this cluster.")
	String cluster;

	@Option(names = "--search", paramLabel = "TEXT", description = "Only deployments whose name contains TEXT.")
	String search;

	@Mixin
	OutputOption output;

	@Spec
	CommandSpec spec;

	public DeploymentListCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		DeploymentQuery query = DeploymentQuery.all().withCluster(this.cluster).withSearch(this.search);
		List<Deployment> deployments = this.services.client().deployments().list(query);
		DeploymentOutput.printList(this.spec.commandLine().getOut(), this.output.format(), deployments,
				this.services.endpoint());
		return 0;
	}

}
