package dev.bentocloud.client.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudMalformedResponseException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's {@code /schema.json}: parsed, cached once read, and used to check calls.
 * When it cannot be read (not found, malformed, too large, unreachable), calls are sent
 * unchecked for a while, with one warning, instead of failing.
 */
final class ServiceSchemas {

	private static final Log logger = LogFactory.getLog(ServiceSchemas.class);

	/** How long calls go unchecked after the schema could not be read. */
	private static final long RETRY_AFTER_NANOS = 30_000_000_000L;

	private final JsonMapper json;

	private final boolean checkCalls;

	private volatile @Nullable Mono<ServiceSchema> cached;

	private volatile long uncheckedUntil;

	private volatile boolean warned;

	ServiceSchemas(JsonMapper json, boolean checkCalls) {
		this.json = json;
		this.checkCalls = checkCalls;
	}

	/** The schema, fetched on first use; a failed fetch is tried again next time. */
	Mono<ServiceSchema> get(Supplier<Mono<byte[]>> fetch) {
		Mono<ServiceSchema> current = this.cached;
		if (current != null) {
			return current;
		}
		Mono<ServiceSchema> fresh = Mono.defer(fetch).map(this::parse).doOnError((ex) -> this.cached = null).cache();
		this.cached = fresh;
		return fresh;
	}

	/**
	 * The route the call goes to, checked against the schema; empty when calls are not
	 * checked or the schema cannot be read now.
	 */
	Mono<Optional<ServiceRoute>> route(Mono<ServiceSchema> schema, String route, String description) {
		if (!this.checkCalls || System.nanoTime() - this.uncheckedUntil < 0) {
			return Mono.just(Optional.empty());
		}
		return schema.map((found) -> Optional.of(SchemaCheck.route(found, route, description)))
			.onErrorResume((ex) -> !(ex instanceof InvalidServiceCallException)
					&& !(ex instanceof BentoCloudUnauthenticatedException), (ex) -> {
						this.uncheckedUntil = System.nanoTime() + RETRY_AFTER_NANOS;
						if (!this.warned) {
							this.warned = true;
							logger.warn("Could not read the schema of " + description + " (" + ex.getMessage()
									+ "); calls to it are sent without checking routes and arguments");
						}
						return Mono.just(Optional.empty());
					});
	}

	@SuppressWarnings("unchecked")
	ServiceSchema parse(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw malformed("it is not JSON");
		}
		JsonNode routes = root.path("routes");
		if (!routes.isArray()) {
			throw malformed("it has no \"routes\" list");
		}
		List<ServiceRoute> parsed = new ArrayList<>();
		for (JsonNode route : routes) {
			String name = route.path("name").asString(null);
			if (name == null || name.isBlank()) {
				throw malformed("a route has no name");
			}
			String path = route.path("route").asString("/" + name);
			Map<String, Object> input = route.path("input").isObject()
					? this.json.convertValue(route.path("input"), LinkedHashMap.class) : Map.of();
			Map<String, Object> output = route.path("output").isObject()
					? this.json.convertValue(route.path("output"), LinkedHashMap.class) : Map.of();
			String doc = route.path("doc").isString() ? route.path("doc").asString() : null;
			parsed.add(new ServiceRoute(name, path, route.path("is_task").asBoolean(false),
					route.path("batchable").asBoolean(false), doc, input, output));
		}
		return new ServiceSchema(root.path("name").asString(""), parsed);
	}

	private static BentoCloudMalformedResponseException malformed(String reason) {
		return new BentoCloudMalformedResponseException("The service's /schema.json is not a BentoML schema: " + reason
				+ ". Calls without a schema are still possible (they are sent unchecked).", null);
	}

}
