package dev.bentocloud.client.service;

import java.util.List;
import java.util.Optional;

/**
 * A deployed service's {@code /schema.json}: its name and routes.
 *
 * @param name the service's name
 * @param routes its routes, in the service's order
 * @since 0.1.0
 */
public record ServiceSchema(String name, List<ServiceRoute> routes) {

	public ServiceSchema {
		routes = List.copyOf(routes);
	}

	/**
	 * The route with this name or path ({@code summarize} or {@code /summarize}).
	 * @param nameOrPath the route's name or path
	 * @return the route, if the service has it
	 */
	public Optional<ServiceRoute> route(String nameOrPath) {
		String name = ServiceRoute.stripSlashes(nameOrPath);
		for (ServiceRoute route : this.routes) {
			if (route.name().equals(name)) {
				return Optional.of(route);
			}
		}
		for (ServiceRoute route : this.routes) {
			if (ServiceRoute.stripSlashes(route.route()).equals(name)) {
				return Optional.of(route);
			}
		}
		return Optional.empty();
	}

	/**
	 * The routes' names.
	 * @return the names, in the service's order
	 */
	public List<String> routeNames() {
		return this.routes.stream().map(ServiceRoute::name).toList();
	}

}
