package dev.bentocloud.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every management route does with a request: read its JSON body and query
 * parameters, check its method, and answer JSON or a page of a list.
 */
final class ManagementRequests {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final JsonViews views;

	ManagementRequests(JsonViews views) {
		this.views = views;
	}

	Reply ok(JsonNode json) {
		return Reply.json(200, this.views.bytes(json));
	}

	/** The items from {@code start}, at most {@code count} of them (query parameters). */
	<T> Reply page(ApiRequest request, List<T> all, Function<T, ObjectNode> render) {
		int start = intParam(request, "start", 0);
		int count = Math.min(intParam(request, "count", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
		List<ObjectNode> items = new ArrayList<>();
		for (int i = start; i < all.size() && i < start + count; i++) {
			items.add(render.apply(all.get(i)));
		}
		return ok(this.views.page(start, count, all.size(), items));
	}

	/** The body as a JSON object; a 400 that shows {@code example} otherwise. */
	ObjectNode jsonObject(ApiRequest request, String example) {
		JsonNode node;
		try {
			node = request.body().isBlank() ? null : this.views.parse(request.body());
		}
		catch (JacksonException ex) {
			throw new ApiException(400, "Request body is not valid JSON; send a JSON object such as " + example);
		}
		if (node == null || !node.isObject()) {
			throw new ApiException(400, "Request body must be a JSON object such as " + example);
		}
		return (ObjectNode) node;
	}

	static @Nullable String optionalString(ObjectNode body, String key) {
		JsonNode value = body.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new ApiException(400, key + " must be a string or null");
		}
		return value.stringValue();
	}

	/** The one path segment after {@code prefix}; a 404 if there is none or more. */
	static String lastSegment(String path, String prefix) {
		String rest = path.substring(prefix.length());
		if (rest.isEmpty() || rest.contains("/")) {
			throw new ApiException(404, "No such endpoint: " + path);
		}
		return rest;
	}

	static void requireMethod(ApiRequest request, String method) {
		if (!request.method().equals(method)) {
			throw methodNotAllowed(request);
		}
	}

	static ApiException methodNotAllowed(ApiRequest request) {
		return new ApiException(405, "Method " + request.method() + " is not allowed on " + request.path());
	}

	static ApiException noSuchEndpoint(ApiRequest request) {
		return new ApiException(404, "No such endpoint: " + request.method() + " " + request.path());
	}

	private static int intParam(ApiRequest request, String name, int defaultValue) {
		String value = request.param(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ApiException(400, "Query parameter " + name + "='" + value + "' must be a non-negative integer");
	}

}
