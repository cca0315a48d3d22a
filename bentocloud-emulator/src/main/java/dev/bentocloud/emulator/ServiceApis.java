package dev.bentocloud.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which API each deployment's service serves, by deployment name; deployments without one
 * serve {@link ServiceApi#example()}. The APIs declared at start are what
 * {@link #reset()} goes back to.
 */
final class ServiceApis {

	private final Map<String, ServiceApi> baseline = new ConcurrentHashMap<>();

	private final Map<String, ServiceApi> current = new ConcurrentHashMap<>();

	/**
	 * Serves this API for the deployment from now on; {@code atStart} keeps it on reset.
	 */
	void serve(String deployment, ServiceApi api, boolean atStart) {
		if (atStart) {
			this.baseline.put(deployment, api);
		}
		this.current.put(deployment, api);
	}

	ServiceApi api(String deployment) {
		return this.current.getOrDefault(deployment, ServiceApi.example());
	}

	/** Back to the APIs declared at start. */
	void reset() {
		this.current.clear();
		this.current.putAll(this.baseline);
	}

}
