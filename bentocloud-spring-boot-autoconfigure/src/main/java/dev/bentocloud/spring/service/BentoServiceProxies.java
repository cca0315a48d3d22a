package dev.bentocloud.spring.service;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;
import dev.bentocloud.spring.autoconfigure.BentoServiceClients;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The client each {@code @BentoService} interface calls, made once and shared by its
 * proxy and its verification (so the schema read at startup is the one calls use): a
 * named service's bean, or a client of a URL or a deployment from the
 * {@link BentoServiceClientFactory} bean.
 */
final class BentoServiceProxies {

	private final BeanFactory beanFactory;

	private final Environment environment;

	private final Map<Class<?>, BentoServiceClient> clients = new ConcurrentHashMap<>();

	BentoServiceProxies(BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	<S> S create(Class<S> type) {
		return BentoServiceProxyFactory.of(client(type)).create(type);
	}

	BentoServiceClient client(Class<?> type) {
		BentoServiceClient known = this.clients.get(type);
		return (known != null) ? known : this.clients.computeIfAbsent(type, this::resolve);
	}

	/** The service as reports name it. */
	String describe(Class<?> type) {
		BentoService service = annotation(type);
		if (StringUtils.hasText(service.value())) {
			return "the service " + service.value() + " (bentocloud.services." + service.value() + ")";
		}
		if (StringUtils.hasText(service.url())) {
			return "the service at " + BentoCloudEndpoints.displayable(resolve(service.url()));
		}
		return "the service of deployment " + resolve(service.deployment());
	}

	private BentoServiceClient resolve(Class<?> type) {
		BentoService service = annotation(type);
		if (StringUtils.hasText(service.value())) {
			try {
				return this.beanFactory.getBean(BentoServiceClients.class).get(service.value());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						type.getName() + " is @BentoService(\"" + service.value() + "\"): " + ex.getMessage(), ex);
			}
		}
		BentoServiceClientFactory factory = this.beanFactory.getBean(BentoServiceClientFactory.class);
		if (StringUtils.hasText(service.url())) {
			return factory.create(URI.create(resolve(service.url())));
		}
		String deployment = resolve(service.deployment());
		String cluster = StringUtils.hasText(service.cluster()) ? resolve(service.cluster()) : null;
		Mono<URI> url = Mono
			.defer(() -> this.beanFactory.getBean(BentoCloudClient.class).deployments().get(deployment, cluster))
			.switchIfEmpty(Mono.error(() -> notFound(type, deployment, cluster)))
			.map(factory::urlOf);
		return factory.create(url, this.beanFactory.getBean(BentoCloudProperties.class).getService().getToken());
	}

	private String resolve(String text) {
		return this.environment.resolveRequiredPlaceholders(text.strip());
	}

	private static BentoCloudNotFoundException notFound(Class<?> type, String deployment, @Nullable String cluster) {
		return new BentoCloudNotFoundException("BentoCloud has no deployment named '" + deployment + "'"
				+ ((cluster != null) ? " in cluster " + cluster : "") + " (@BentoService of " + type.getName()
				+ "); the service's URL cannot be found", "GET /api/v2/deployments/{name}", 404, null, "");
	}

	private static BentoService annotation(Class<?> type) {
		return Objects.requireNonNull(AnnotatedElementUtils.findMergedAnnotation(type, BentoService.class),
				() -> type.getName() + " has no @BentoService");
	}

	@Override
	public String toString() {
		return "BentoServiceProxies" + this.clients.keySet().stream().map(Class::getSimpleName).toList();
	}

}
