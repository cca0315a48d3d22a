package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bentocloud.client.model.Cluster;
import dev.bentocloud.client.model.Deployment;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * How {@code deployment} commands show deployments: BentoML's list columns, and its
 * {@code Deployment.to_dict()} for json/yaml.
 */
final class DeploymentOutput {

	private static final JsonMapper SNAKE_CASE = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private DeploymentOutput() {
	}

	static void printList(PrintWriter out, OutputFormat format, List<Deployment> deployments, String endpoint) {
		if (format != OutputFormat.TABLE) {
			StructuredOutput.print(out, format, deployments.stream().map((d) -> toDict(d, endpoint)).toList());
			return;
		}
		TextTable table = new TextTable("Deployment", "created_at", "Bento", "Status", "Region");
		for (Deployment deployment : deployments) {
			table.addRow(deployment.name(), CliDates.table(deployment.createdAt()), deployment.bento().orElse(""),
					deployment.status(), deployment.clusterName());
		}
		table.print(out);
	}

	static Map<String, Object> toDict(Deployment deployment, String endpoint) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("name", deployment.name());
		dict.put("bento", deployment.bento().orElse(""));
		dict.put("cluster", deployment.clusterName());
		dict.put("admin_console", adminConsole(deployment, endpoint));
		dict.put("created_at", CliDates.table(deployment.createdAt()));
		dict.put("created_by", (deployment.creator() != null) ? deployment.creator().name() : null);
		dict.put("config", deployment.config().map(DeploymentOutput::config).orElseGet(Map::of));
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("status", deployment.status());
		status.put("created_at", CliDates.table(deployment.createdAt()));
		status.put("updated_at",
				CliDates.table((deployment.updatedAt() != null) ? deployment.updatedAt() : deployment.createdAt()));
		dict.put("status", status);
		if (!deployment.urls().isEmpty()) {
			dict.put("endpoint_urls", deployment.urls());
		}
		return dict;
	}

	/** BentoML's admin console link (contract 5.5). */
	static String adminConsole(Deployment deployment, String endpoint) {
		boolean dev = deployment.manifest() != null && deployment.manifest().dev();
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(endpoint)
			.path("/" + (dev ? "codespaces" : "deployments") + "/" + deployment.name());
		Cluster cluster = deployment.cluster();
		if (cluster != null && Boolean.FALSE.equals(cluster.first())) {
			link.queryParam("cluster", cluster.name()).queryParam("namespace", deployment.kubeNamespace());
		}
		return link.build().toUriString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> config(Object config) {
		Map<String, Object> dict = new LinkedHashMap<>(SNAKE_CASE.convertValue(config, Map.class));
		dict.keySet().removeAll(List.of("name", "bento", "cluster"));
		return dict;
	}

}
