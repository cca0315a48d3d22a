package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/** Deployments by name (names are unique in the organization, whatever the cluster). */
final class DeploymentStore {

	private final ConcurrentHashMap<String, StoredDeployment> byName = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	/** The new deployment, or {@code null} if the name is taken. */
	@Nullable StoredDeployment create(String name, String cluster, StoredUser creator, boolean dev, DeploymentSpec spec,
			Duration readyAfter) {
		StoredDeployment deployment = new StoredDeployment(this.sequence.incrementAndGet(), name, cluster, creator, dev,
				spec, readyAfter);
		return (this.byName.putIfAbsent(name, deployment) == null) ? deployment : null;
	}

	@Nullable StoredDeployment find(String name) {
		return this.byName.get(name);
	}

	@Nullable StoredDeployment remove(String name) {
		return this.byName.remove(name);
	}

	void clear() {
		this.byName.clear();
	}

	List<StoredDeployment> all() {
		List<StoredDeployment> all = new ArrayList<>(this.byName.values());
		all.sort(Comparator.comparingLong((StoredDeployment d) -> d.sequence));
		return all;
	}

}
