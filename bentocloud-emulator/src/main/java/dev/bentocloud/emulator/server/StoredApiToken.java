package dev.bentocloud.emulator.server;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A management API token. Only {@link #lastUsedAt} changes after creation. */
final class StoredApiToken {

	final long sequence;

	final String uid;

	final String name;

	final @Nullable String description;

	final List<String> scopes;

	final StoredUser user;

	final Instant createdAt;

	final @Nullable Instant expiredAt;

	final String value;

	private volatile @Nullable Instant lastUsedAt;

	StoredApiToken(long sequence, String uid, String name, @Nullable String description, List<String> scopes,
			StoredUser user, Instant createdAt, @Nullable Instant expiredAt, String value) {
		this.sequence = sequence;
		this.uid = uid;
		this.name = name;
		this.description = description;
		this.scopes = List.copyOf(scopes);
		this.user = user;
		this.createdAt = createdAt;
		this.expiredAt = expiredAt;
		this.value = value;
	}

	boolean isExpired(Instant now) {
		return this.expiredAt != null && !now.isBefore(this.expiredAt);
	}

	@Nullable Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	void markUsed(Instant now) {
		this.lastUsedAt = now;
	}

	@Override
	public String toString() {
		// Never the value: it is a credential, even a fake one.
		return "ApiToken[uid=" + this.uid + ", name=" + this.name + "]";
	}

}
