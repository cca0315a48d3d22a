package dev.bentocloud.emulator;

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

/**
 * All API tokens, indexed by secret value (for authentication) and by uid; lock-free
 * reads.
 */
final class TokenStore {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConcurrentHashMap<String, ApiToken> byValue = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, ApiToken> byUid = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, ApiToken> inCreationOrder = new ConcurrentSkipListMap<>();

	private final AtomicLong sequence = new AtomicLong();

	ApiToken create(User user, String name, String description, List<String> scopes, Instant expiredAt) {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return create(user, name, description, scopes, expiredAt, "emu_" + HexFormat.of().formatHex(secret));
	}

	/**
	 * Creates a token with a given secret value (the demo token of a shared emulator).
	 */
	ApiToken create(User user, String name, String description, List<String> scopes, Instant expiredAt, String value) {
		ApiToken token = new ApiToken(this.sequence.incrementAndGet(), UUID.randomUUID().toString(), name, description,
				scopes, user, Instant.now(), expiredAt, value);
		this.byValue.put(token.value, token);
		this.byUid.put(token.uid, token);
		this.inCreationOrder.put(token.sequence, token);
		return token;
	}

	/**
	 * The token with that secret value if it is known, not revoked and not expired; marks
	 * it used.
	 */
	ApiToken authenticate(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		ApiToken token = this.byValue.get(value);
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

	ApiToken findByUid(String uid) {
		return this.byUid.get(uid);
	}

	ApiToken delete(String uid) {
		ApiToken token = this.byUid.remove(uid);
		if (token != null) {
			this.byValue.remove(token.value);
			this.inCreationOrder.remove(token.sequence);
		}
		return token;
	}

	boolean revoke(String value) {
		ApiToken token = this.byValue.get(value);
		return token != null && delete(token.uid) != null;
	}

	/**
	 * The owner's tokens, oldest first, whose name contains {@code search}
	 * (case-insensitive).
	 */
	List<ApiToken> list(User owner, String search) {
		String needle = (search != null) ? search.toLowerCase(Locale.ROOT) : null;
		List<ApiToken> result = new ArrayList<>();
		for (ApiToken token : this.inCreationOrder.values()) {
			if (token.user.uid().equals(owner.uid())
					&& (needle == null || token.name.toLowerCase(Locale.ROOT).contains(needle))) {
				result.add(token);
			}
		}
		return result;
	}

}
