package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deployment and its latest revision. Timed status transitions (deploying to running,
 * terminating to terminated) are applied lazily when the state is read, so no timer
 * thread is needed and reads see a consistent state. All access is synchronized on the
 * instance: contention is per deployment only.
 */
final class StoredDeployment {

	final long sequence;

	final String uid;

	final String name;

	final String cluster;

	final StoredUser creator;

	final Instant createdAt;

	final boolean dev;

	private String status;

	private @Nullable String pendingStatus;

	private long pendingAtNanos;

	private @Nullable Instant updatedAt;

	private @Nullable Instant deletedAt;

	private ObjectNode config;

	private ArrayNode labels;

	private String bentoRepository;

	private String bentoVersion;

	private int revision;

	private String revisionUid;

	private Instant revisionCreatedAt;

	private StoredUser revisionCreator;

	StoredDeployment(long sequence, String name, String cluster, StoredUser creator, boolean dev, DeploymentSpec spec,
			Duration readyAfter) {
		this.sequence = sequence;
		this.uid = UUID.randomUUID().toString();
		this.name = name;
		this.cluster = cluster;
		this.creator = creator;
		this.createdAt = Instant.now();
		this.dev = dev;
		newRevision(creator, spec, this.createdAt);
		transition("deploying", "running", readyAfter);
	}

	synchronized void update(StoredUser user, DeploymentSpec spec, Duration readyAfter) {
		Instant now = Instant.now();
		newRevision(user, spec, now);
		this.updatedAt = now;
		transition("deploying", "running", readyAfter);
	}

	synchronized void redeploy(StoredUser user, Duration readyAfter) {
		update(user, new DeploymentSpec(this.config.deepCopy(), this.labels.deepCopy(), this.bentoRepository,
				this.bentoVersion), readyAfter);
	}

	synchronized void terminate(Duration after) {
		this.updatedAt = Instant.now();
		transition("terminating", "terminated", after);
	}

	synchronized void markDeleted() {
		this.deletedAt = Instant.now();
		this.updatedAt = this.deletedAt;
	}

	synchronized void forceStatus(String newStatus) {
		this.status = newStatus;
		this.pendingStatus = null;
		this.updatedAt = Instant.now();
	}

	synchronized String status() {
		settle();
		return this.status;
	}

	synchronized boolean accessAuthorization() {
		return this.config.path("access_authorization").asBoolean(false);
	}

	/** A consistent copy of the mutable state, for rendering outside the lock. */
	synchronized State state() {
		settle();
		return new State(this.status, this.updatedAt, this.deletedAt, this.config.deepCopy(), this.labels.deepCopy(),
				this.bentoRepository, this.bentoVersion, this.revision, this.revisionUid, this.revisionCreatedAt,
				this.revisionCreator);
	}

	private void newRevision(StoredUser user, DeploymentSpec spec, Instant at) {
		this.config = spec.config();
		this.labels = spec.labels();
		this.bentoRepository = spec.bentoRepository();
		this.bentoVersion = spec.bentoVersion();
		this.revision++;
		this.revisionUid = UUID.randomUUID().toString();
		this.revisionCreatedAt = at;
		this.revisionCreator = user;
	}

	private void transition(String now, String later, Duration after) {
		this.status = now;
		this.pendingStatus = later;
		this.pendingAtNanos = System.nanoTime() + after.toNanos();
	}

	private void settle() {
		if (this.pendingStatus != null && System.nanoTime() - this.pendingAtNanos >= 0) {
			this.status = this.pendingStatus;
			this.pendingStatus = null;
		}
	}

	record State(String status, @Nullable Instant updatedAt, @Nullable Instant deletedAt, ObjectNode config,
			ArrayNode labels, String bentoRepository, String bentoVersion, int revision, String revisionUid,
			Instant revisionCreatedAt, StoredUser revisionCreator) {
	}

}
