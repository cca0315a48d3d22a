package dev.bentocloud.spring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.bentocloud.client.service.BentoServiceClient;

import org.springframework.util.Assert;

/**
 * The clients of the deployed services configured in {@code bentocloud.services}, by
 * name: for code that picks a service at run time. To inject one service, use its bean
 * instead:
 *
 * <pre class="code">
 * BentoServiceClient summarizer = clients.get("summarizer");
 * String summary = summarizer.blocking().call("summarize", Map.of("text", text), String.class);
 *
 * // or
 * MyService(&#64;Qualifier("summarizer") BentoServiceClient summarizer) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
public final class BentoServiceClients {

	private final Map<String, BentoServiceClient> clients;

	/**
	 * Creates the clients.
	 * @param clients the clients by service name, in the order {@link #names()} lists
	 * them
	 */
	public BentoServiceClients(Map<String, BentoServiceClient> clients) {
		Assert.notNull(clients, "clients must not be null");
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
	}

	/**
	 * The client of a configured service.
	 * @param name the service's name, the key under {@code bentocloud.services}
	 * @return the client
	 * @throws IllegalArgumentException when no service has that name; the message lists
	 * the configured names
	 */
	public BentoServiceClient get(String name) {
		BentoServiceClient client = this.clients.get(name);
		if (client == null) {
			throw new IllegalArgumentException(this.clients.isEmpty()
					? "No BentoML service named '" + name + "': none is configured. Add one under "
							+ "bentocloud.services." + name + ".url (or .deployment)."
					: "No BentoML service named '" + name + "' in bentocloud.services; the configured services are "
							+ String.join(", ", this.clients.keySet()) + ".");
		}
		return client;
	}

	/**
	 * The names of the configured services.
	 * @return the names, in configuration order
	 */
	public Set<String> names() {
		return this.clients.keySet();
	}

	@Override
	public String toString() {
		return "BentoServiceClients" + this.clients.keySet();
	}

}
