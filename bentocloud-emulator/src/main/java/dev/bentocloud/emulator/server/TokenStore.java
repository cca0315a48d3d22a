package dev.bentocloud.emulator.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * All API tokens, indexed by secret value (for authentication) and by uid; lock-free
 * reads.
 */
final class TokenStore {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConcurrentHashMap<String, StoredApiToken> byValue = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, StoredApiToken> byUid = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, StoredApiToken> inCreationOrder = new ConcurrentSkipListMap<>();

	private final AtomicLong sequence = new AtomicLong();

	StoredApiToken create(StoredUser user, String name, @Nullable String description, List<String> scopes,
			@Nullable Instant expiredAt) {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return create(user, name, description, scopes, expiredAt, "emu_" + HexFormat.of().formatHex(secret));
	}

	/**
	 * Creates a token with a given secret value (the demo token of a shared emulator).
	 */
	StoredApiToken create(StoredUser user, String name, @Nullable String description, List<String> scopes,
			@Nullable Instant expiredAt, String value) {
		StoredApiToken token = new StoredApiToken(this.sequence.incrementAndGet(), UUID.randomUUID().toString(), name,
				description, scopes, user, Instant.now(), expiredAt, value);
		this.byValue.put(token.value, token);
		this.byUid.put(token.uid, token);
		this.inCreationOrder.put(token.sequence, token);
		return token;
	}

	/** Whether a token with this secret value exists. */
	boolean hasValue(String value) {
		return this.byValue.containsKey(value);
	}

	/** All tokens, oldest first, as {@link #restore(List)} takes them back. */
	List<StoredApiToken> snapshot() {
		return List.copyOf(this.inCreationOrder.values());
	}

	/** Replaces every token with these (from {@link #snapshot()}). */
	void restore(List<StoredApiToken> tokens) {
		this.byValue.clear();
		this.byUid.clear();
		this.inCreationOrder.clear();
		for (StoredApiToken token : tokens) {
			this.byValue.put(token.value, token);
			this.byUid.put(token.uid, token);
			this.inCreationOrder.put(token.sequence, token);
		}
	}

	/**
	 * The token with that secret value if it is known, not revoked and not expired; marks
	 * it used.
	 */
	@Nullable StoredApiToken authenticate(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		StoredApiToken token = this.byValue.get(value);
		if (token == null) {
			return null;
		}
		Instant now = Instant.now();
		if (token.isExpired(now)) {
			return null;
		}
		token.markUsed(now);
		return token;
	}

	@Nullable StoredApiToken findByUid(String uid) {
		return this.byUid.get(uid);
	}

	@Nullable StoredApiToken delete(String uid) {
		StoredApiToken token = this.byUid.remove(uid);
		if (token != null) {
			this.byValue.remove(token.value);
			this.inCreationOrder.remove(token.sequence);
		}
		return token;
	}

	boolean revoke(String value) {
		StoredApiToken token = this.byValue.get(value);
		return token != null && delete(token.uid) != null;
	}

	/**
	 * The owner's tokens, oldest first, whose name contains {@code search}
	 * (case-insensitive).
	 */
	List<StoredApiToken> list(StoredUser owner, @Nullable String search) {
		String needle = (search != null) ? search.toLowerCase(Locale.ROOT) : null;
		List<StoredApiToken> result = new ArrayList<>();
		for (StoredApiToken token : this.inCreationOrder.values()) {
			if (token.user.uid().equals(owner.uid())
					&& (needle == null || token.name.toLowerCase(Locale.ROOT).contains(needle))) {
				result.add(token);
			}
		}
		return result;
	}

}
