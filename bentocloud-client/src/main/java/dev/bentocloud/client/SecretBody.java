package dev.bentocloud.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.bentocloud.client.support.SecretScrubber;
import reactor.util.context.Context;

/**
 * The body of a secret's create or update request: written as its JSON object, shown by
 * {@link #toString()} with nothing but its name, because Spring's JSON encoder logs each
 * body's {@code toString()} at DEBUG. The secret values also travel in the call's Reactor
 * context, so that an error answer that echoes one is masked like a token.
 */
final class SecretBody {

	/** The context key of the {@link SecretScrubber} for the values being sent. */
	static final String SCRUBBER_KEY = SecretBody.class.getName() + ".scrubber";

	private final Map<String, Object> json;

	private final String name;

	SecretBody(String name, Map<String, Object> json) {
		this.name = name;
		this.json = json;
	}

	@JsonValue
	Map<String, Object> json() {
		return this.json;
	}

	/** The context that masks these values in error messages of the call. */
	static Context scrubbing(Iterable<String> values) {
		List<String> secrets = new ArrayList<>();
		values.forEach(secrets::add);
		return Context.of(SCRUBBER_KEY, SecretScrubber.of(secrets.toArray(String[]::new)));
	}

	@Override
	public String toString() {
		return "SecretBody[name=" + this.name + ", values " + SecretScrubber.MASK + "]";
	}

}
