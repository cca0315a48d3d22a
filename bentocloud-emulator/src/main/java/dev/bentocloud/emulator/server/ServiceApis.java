package dev.bentocloud.emulator.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which API each deployment's service serves, by deployment name; deployments without one
 * serve the fallback ({@link dev.bentocloud.emulator.ServiceApi#example()}). The APIs
 * declared at start are what {@link #reset()} goes back to.
 */
final class ServiceApis {

	private final ServedApi fallback;

	private final Map<String, ServedApi> baseline = new ConcurrentHashMap<>();

	private final Map<String, ServedApi> current = new ConcurrentHashMap<>();

	ServiceApis(ServedApi fallback) {
		this.fallback = fallback;
	}

	/**
	 * Serves this API for the deployment from now on; {@code atStart} keeps it on reset.
	 */
	void serve(String deployment, ServedApi api, boolean atStart) {
		if (atStart) {
			this.baseline.put(deployment, api);
		}
		this.current.put(deployment, api);
	}

	ServedApi api(String deployment) {
		return this.current.getOrDefault(deployment, this.fallback);
	}

	/** Back to the APIs declared at start. */
	void reset() {
		this.current.clear();
		this.current.putAll(this.baseline);
	}

}
