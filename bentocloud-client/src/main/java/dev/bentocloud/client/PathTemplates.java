package dev.bentocloud.client;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Observations name a management call by its path template. The {@code uri} tag of
 * {@code http.client.requests} is the request's URI template, to which the HTTP interface
 * appends every query parameter: a list of deployments would be tagged
 * {@code /api/v2/deployments?{queryParam-cluster}={queryParam-cluster[0]}&...}.
 */
final class PathTemplates {

	private PathTemplates() {
	}

	/**
	 * Sets the request's URI template attribute to the path template, before the HTTP
	 * interface appends the query parameters to its own. The WebClient adapter applies
	 * attributes after the URI, so this one is the template observations read.
	 */
	static void withoutQuery(Method method, MethodParameter[] parameters, @Nullable Object[] arguments,
			HttpRequestValues.Builder values) {
		String template = values.getUriTemplate();
		if (template != null) {
			int query = template.indexOf('?');
			values.addAttribute(PreparedCalls.URI_TEMPLATE_ATTRIBUTE,
					(query >= 0) ? template.substring(0, query) : template);
		}
	}

}
