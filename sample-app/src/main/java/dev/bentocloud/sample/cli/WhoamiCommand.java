package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code whoami}: the user and organization the configured token belongs to, and where
 * the credentials came from (never the token itself).
 */
@Command(name = "whoami", description = "Show the user and organization of the configured API token.")
public class WhoamiCommand implements Callable<Integer> {

	private final CliServices services;

	@Mixin
	OutputOption output;

	@Spec
	CommandSpec spec;

	public WhoamiCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		BlockingBentoCloudClient bentoCloud = this.services.client();
		User user = bentoCloud.currentUser();
		Organization organization = bentoCloud.currentOrganization();
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("user", ApiTokenOutput.user(user));
		dict.put("organization", ApiTokenOutput.organization(organization));
		dict.put("endpoint", this.services.endpoint());
		dict.put("credentials_source", this.services.credentialsSource());
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.format() != OutputFormat.TABLE) {
			StructuredOutput.print(out, this.output.format(), dict);
			return 0;
		}
		new TextTable("Field", "Value").addRow("User", user.displayName() + " (" + user.name() + ")")
			.addRow("Email", user.email())
			.addRow("Organization", organization.name())
			.addRow("Endpoint", this.services.endpoint())
			.addRow("Credentials", String.valueOf(dict.get("credentials_source")))
			.print(out);
		return 0;
	}

}
