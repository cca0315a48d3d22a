package dev.bentocloud.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bentocloud.emulator.server.InjectedFault;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's fault rules, matched in the order they were added: the first rule that
 * matches the request and has uses left answers it.
 */
public final class Faults {

	private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

	Faults() {
	}

	/**
	 * A new rule for requests with this method ({@code *} for any) and path (exact, or a
	 * glob in which {@code *} matches any characters, slashes included).
	 */
	public FaultRule on(String method, String path) {
		FaultRule rule = new FaultRule(method, path);
		this.rules.add(rule);
		return rule;
	}

	/** Removes all rules. */
	public void clear() {
		this.rules.clear();
	}

	/** The rules, in matching order. */
	public List<FaultRule> rules() {
		return List.copyOf(this.rules);
	}

	/** The fault of the first rule that claims the request, if any. */
	@Nullable InjectedFault match(String method, String path) {
		if (this.rules.isEmpty()) {
			return null;
		}
		for (FaultRule rule : this.rules) {
			InjectedFault fault = rule.claim(method, path);
			if (fault != null) {
				return fault;
			}
		}
		return null;
	}

}
