package dev.bentocloud.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Filters for listing deployments. Unlike the Python client, {@code dev}, the query terms
 * and labels also apply when a cluster is given.
 *
 * @param search free-text name search, or {@code null}
 * @param cluster only this cluster, or {@code null} for all
 * @param labels only deployments with all these labels
 * @param dev only development deployments ({@code is:dev})
 * @param queryTerms extra terms of BentoCloud's query language (such as
 * {@code creator:alice}), or {@code null}
 * @since 0.1.0
 */
public record DeploymentQuery(@Nullable String search, @Nullable String cluster, Map<String, String> labels,
		boolean dev, @Nullable String queryTerms) {

	public DeploymentQuery {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
	}

	/** Every deployment. */
	public static DeploymentQuery all() {
		return new DeploymentQuery(null, null, Map.of(), false, null);
	}

	public DeploymentQuery withSearch(String search) {
		return new DeploymentQuery(search, this.cluster, this.labels, this.dev, this.queryTerms);
	}

	public DeploymentQuery withCluster(String cluster) {
		return new DeploymentQuery(this.search, cluster, this.labels, this.dev, this.queryTerms);
	}

	public DeploymentQuery withLabel(String key, String value) {
		Map<String, String> labels = new LinkedHashMap<>(this.labels);
		labels.put(key, value);
		return new DeploymentQuery(this.search, this.cluster, labels, this.dev, this.queryTerms);
	}

	public DeploymentQuery withDev(boolean dev) {
		return new DeploymentQuery(this.search, this.cluster, this.labels, dev, this.queryTerms);
	}

	public DeploymentQuery withQueryTerms(String queryTerms) {
		return new DeploymentQuery(this.search, this.cluster, this.labels, this.dev, queryTerms);
	}

	/**
	 * The {@code q} query parameter: {@code is:dev}, the caller's terms and
	 * {@code label:k=v} terms, or {@code null}.
	 */
	public @Nullable String queryString() {
		StringBuilder query = new StringBuilder();
		if (this.dev) {
			query.append("is:dev");
		}
		if (this.queryTerms != null && !this.queryTerms.isBlank()) {
			append(query, this.queryTerms.strip());
		}
		new TreeMap<>(this.labels).forEach((key, value) -> append(query, "label:" + key + "=" + value));
		return query.isEmpty() ? null : query.toString();
	}

	private static void append(StringBuilder query, String term) {
		if (!query.isEmpty()) {
			query.append(' ');
		}
		query.append(term);
	}

}
