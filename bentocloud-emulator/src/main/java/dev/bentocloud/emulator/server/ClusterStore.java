package dev.bentocloud.emulator.server;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The organization's clusters: {@code default}, plus every cluster a deployment or secret
 * was created in (the emulator accepts any cluster name and remembers it).
 */
final class ClusterStore {

	static final String DEFAULT = "default";

	private final ConcurrentSkipListSet<String> names = new ConcurrentSkipListSet<>(List.of(DEFAULT));

	void ensure(String name) {
		this.names.add(name);
	}

	boolean exists(String name) {
		return this.names.contains(name);
	}

	/** Every cluster, {@code default} first, then by name. */
	List<String> all() {
		return this.names.stream()
			.sorted((a, b) -> DEFAULT.equals(a) ? -1 : DEFAULT.equals(b) ? 1 : a.compareTo(b))
			.toList();
	}

}
