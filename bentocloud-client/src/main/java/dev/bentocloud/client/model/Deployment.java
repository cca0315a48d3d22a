package dev.bentocloud.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A deployment as BentoCloud returns it ({@code DeploymentFullSchema} v2).
 *
 * @param uid the unique id
 * @param name the deployment name
 * @param status the status, see {@link DeploymentStatus}
 * @param kubeNamespace the Kubernetes namespace
 * @param createdAt when it was created
 * @param updatedAt when it was last updated, or {@code null}
 * @param creator who created it
 * @param cluster the cluster it runs in
 * @param latestRevision its latest revision, holding the configuration; may be
 * {@code null}
 * @param manifest extra information such as the {@code dev} flag; may be {@code null}
 * @param urls the service URLs; empty in list responses
 * @param labels labels
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(@Nullable String uid, @JsonProperty(required = true) String name,
		@JsonProperty(required = true) String status, @Nullable String kubeNamespace, @Nullable Instant createdAt,
		@Nullable Instant updatedAt, @Nullable User creator, @Nullable Cluster cluster,
		@Nullable Revision latestRevision, @Nullable Manifest manifest, List<String> urls, List<Label> labels) {

	public Deployment {
		urls = (urls != null) ? List.copyOf(urls) : List.of();
		labels = (labels != null) ? List.copyOf(labels) : List.of();
	}

	/** The name of the cluster, or {@code null} if the server did not say. */
	public @Nullable String clusterName() {
		return (this.cluster != null) ? this.cluster.name() : null;
	}

	/** The target named {@code main}, or the only target, of the latest revision. */
	public Optional<Target> mainTarget() {
		if (this.latestRevision == null || this.latestRevision.targets() == null) {
			return Optional.empty();
		}
		List<Target> targets = this.latestRevision.targets().stream().filter((target) -> target != null).toList();
		if (targets.size() == 1) {
			return Optional.of(targets.get(0));
		}
		return targets.stream().filter((target) -> "main".equals(target.name())).findFirst();
	}

	/** The bento of the main target as {@code repository:version}, or empty. */
	public Optional<String> bento() {
		return mainTarget().map(Target::bento).flatMap(Bento::tag);
	}

	/** The configuration of the main target, or empty. */
	public Optional<DeploymentConfig> config() {
		return mainTarget().map(Target::config);
	}

	/** Whether the status counts as ready (running or scaled to zero). */
	public boolean isReady() {
		return DeploymentStatus.isReady(this.status);
	}

	/**
	 * A revision of a deployment.
	 *
	 * @param uid the unique id
	 * @param name the revision name
	 * @param status {@code active} or {@code inactive}
	 * @param targets the targets (the {@code main} one and canary versions)
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Revision(@Nullable String uid, @Nullable String name, @Nullable String status,
			@Nullable List<Target> targets) {
	}

	/**
	 * One target of a revision.
	 *
	 * @param uid the unique id
	 * @param name the target name ({@code main} for the main one)
	 * @param config its configuration
	 * @param bento its bento
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Target(@Nullable String uid, @Nullable String name, @Nullable DeploymentConfig config,
			@Nullable Bento bento) {
	}

	/**
	 * A bento as referenced by a target.
	 *
	 * @param uid the unique id
	 * @param name the bento name, which BentoCloud sets to its version
	 * @param version the version
	 * @param repository the repository, whose name is the bento's name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Bento(@Nullable String uid, @Nullable String name, @Nullable String version,
			@Nullable Repository repository) {

		/** {@code repository:name}, as BentoML rebuilds it for updates. */
		public Optional<String> tag() {
			if (this.repository == null || this.repository.name() == null || this.name == null) {
				return Optional.empty();
			}
			return Optional.of(this.repository.name() + ":" + this.name);
		}

	}

	/**
	 * A bento repository.
	 *
	 * @param uid the unique id
	 * @param name the repository name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Repository(@Nullable String uid, @Nullable String name) {
	}

	/**
	 * Deployment manifest.
	 *
	 * @param dev whether this is a development deployment
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Manifest(boolean dev) {
	}

}
