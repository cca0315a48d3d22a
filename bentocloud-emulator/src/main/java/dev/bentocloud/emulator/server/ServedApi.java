package dev.bentocloud.emulator.server;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deployment's service API as the server reads it: a snapshot of a
 * {@link dev.bentocloud.emulator.ServiceApi}. Not API.
 *
 * @param name the service's name
 * @param routes its routes, in declaration order
 */
public record ServedApi(String name, List<ServedRoute> routes) {

	public ServedApi {
		routes = List.copyOf(routes);
	}

	/** The route at this path under the service URL, if any. */
	@Nullable ServedRoute routeAt(String path) {
		for (ServedRoute route : this.routes) {
			if (route.path().equals(path)) {
				return route;
			}
		}
		return null;
	}

}
