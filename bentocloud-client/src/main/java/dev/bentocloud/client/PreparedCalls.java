package dev.bentocloud.client;

import java.net.URI;

import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The calls without parameters that applications make most (the current user, also the
 * health check's, and the organization), on prepared URIs: the same request as through
 * the {@link ManagementApi} HTTP interface, without its per-call proxy work and URI
 * template expansion. Observations still name the URI template.
 */
final class PreparedCalls {

	/** The request attribute that observations read the URI template from. */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	static final String CURRENT_USER = "/api/v1/auth/current";

	static final String CURRENT_ORGANIZATION = "/api/v1/current_org";

	private final WebClient webClient;

	private final URI currentUser;

	private final URI currentOrganization;

	PreparedCalls(WebClient webClient, URI endpoint) {
		this.webClient = webClient;
		this.currentUser = resolve(endpoint, CURRENT_USER);
		this.currentOrganization = resolve(endpoint, CURRENT_ORGANIZATION);
	}

	/** As the HTTP interface resolves a path against the base URL. */
	private static URI resolve(URI endpoint, String path) {
		return UriComponentsBuilder.fromUriString(endpoint.toString()).path(path).encode().build().toUri();
	}

	Mono<User> currentUser() {
		return get(this.currentUser, CURRENT_USER, User.class);
	}

	Mono<Organization> currentOrganization() {
		return get(this.currentOrganization, CURRENT_ORGANIZATION, Organization.class);
	}

	private <T> Mono<T> get(URI uri, String template, Class<T> type) {
		return this.webClient.get().uri(uri).attribute(URI_TEMPLATE_ATTRIBUTE, template).retrieve().bodyToMono(type);
	}

}
