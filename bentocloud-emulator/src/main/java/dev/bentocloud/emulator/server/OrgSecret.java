package dev.bentocloud.emulator.server;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** An organization secret; content and description change on PATCH. */
final class OrgSecret {

	final long sequence;

	final String uid = UUID.randomUUID().toString();

	final String name;

	final String cluster;

	final StoredUser creator;

	final Instant createdAt = Instant.now();

	private volatile State state;

	OrgSecret(long sequence, String name, String cluster, StoredUser creator, ObjectNode content,
			@Nullable String description) {
		this.sequence = sequence;
		this.name = name;
		this.cluster = cluster;
		this.creator = creator;
		this.state = new State(content, description, null);
	}

	State state() {
		return this.state;
	}

	void update(ObjectNode content, @Nullable String description) {
		this.state = new State(content, description, Instant.now());
	}

	record State(ObjectNode content, @Nullable String description, @Nullable Instant updatedAt) {
	}

}
