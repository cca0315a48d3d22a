package dev.bentocloud.emulator.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** Organization secrets by name (unique in the organization, whatever the cluster). */
final class SecretStore {

	private final ConcurrentHashMap<String, OrgSecret> byName = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	/** The new secret, or {@code null} if the name is taken. */
	@Nullable OrgSecret create(String name, String cluster, StoredUser creator, ObjectNode content,
			@Nullable String description) {
		OrgSecret secret = new OrgSecret(this.sequence.incrementAndGet(), name, cluster, creator, content, description);
		return (this.byName.putIfAbsent(name, secret) == null) ? secret : null;
	}

	@Nullable OrgSecret find(String name) {
		return this.byName.get(name);
	}

	@Nullable OrgSecret remove(String name) {
		return this.byName.remove(name);
	}

	/** Secrets whose name contains {@code search} (case-insensitive), oldest first. */
	List<OrgSecret> list(@Nullable String search) {
		String needle = (search != null) ? search.toLowerCase(Locale.ROOT) : null;
		List<OrgSecret> result = new ArrayList<>();
		for (OrgSecret secret : this.byName.values()) {
			if (needle == null || secret.name.toLowerCase(Locale.ROOT).contains(needle)) {
				result.add(secret);
			}
		}
		result.sort(Comparator.comparingLong((OrgSecret s) -> s.sequence));
		return result;
	}

}
