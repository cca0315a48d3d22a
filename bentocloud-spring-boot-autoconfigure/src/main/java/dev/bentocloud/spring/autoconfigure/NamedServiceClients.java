package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;
import dev.bentocloud.spring.health.ReadinessAnswers;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates the client of each service in {@code bentocloud.services}, for the beans the
 * {@link BentoServiceClientsRegistrar} defines. Each service has a factory of its own:
 * timeouts are per service, and its {@link ReadinessAnswers} tell its health check why it
 * is not ready.
 */
final class NamedServiceClients {

	private final BentoCloudProperties properties;

	private final BentoCloudConnectorFactory connectorFactory;

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<BentoCloudClient> bentoCloudClient;

	private final Map<String, ReadinessAnswers> answers = new ConcurrentHashMap<>();

	NamedServiceClients(BentoCloudProperties properties, BentoCloudConnectorFactory connectorFactory,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<BentoCloudClient> bentoCloudClient) {
		this.properties = properties;
		this.connectorFactory = connectorFactory;
		this.webClientBuilder = webClientBuilder;
		this.bentoCloudClient = bentoCloudClient;
	}

	/**
	 * A factory builder with the {@code bentocloud.service.*} defaults, as the
	 * {@link BentoServiceClientFactory} bean is built.
	 */
	static BentoServiceClientFactory.Builder defaults(BentoCloudProperties properties,
			BentoCloudConnectorFactory connectorFactory, Supplier<WebClient.@Nullable Builder> webClientBuilder) {
		BentoCloudProperties.Service service = properties.getService();
		Duration streamIdleTimeout = (service.getStreamIdleTimeout() != null) ? service.getStreamIdleTimeout()
				: service.getTimeout();
		return BentoServiceClientFactory.builder()
			.webClientBuilder(webClientBuilder)
			.connectorFactory(connectorFactory)
			.connectTimeout(properties.getConnectTimeout())
			.callTimeout(service.getTimeout())
			.streamIdleTimeout(streamIdleTimeout)
			.maxResponseSize(service.getMaxResponseSize().toBytes())
			.checkCalls(service.isCheckCalls())
			.deploymentHosts(deploymentHosts(service, properties))
			.defaultToken(service.getToken())
			.allowInsecureEndpoint(properties.isAllowInsecureEndpoint());
	}

	/**
	 * The client of a configured service. A URL is used as is; a deployment's URL is
	 * looked up with the BentoCloud client on first call, so nothing is sent at startup.
	 */
	BentoServiceClient create(String name) {
		NamedService service = service(name);
		ReadinessAnswers readiness = this.answers.computeIfAbsent(name, (key) -> new ReadinessAnswers());
		Duration timeout = (service.getTimeout() != null) ? service.getTimeout()
				: this.properties.getService().getTimeout();
		BentoServiceClientFactory factory = defaults(this.properties, this.connectorFactory,
				() -> this.webClientBuilder.getIfAvailable(WebClient::builder).clone().filter(readiness))
			.callTimeout(timeout)
			.streamIdleTimeout(streamIdleTimeout(service, timeout))
			.build();
		String token = token(name);
		URI url = service.getUrl();
		if (url != null) {
			return factory.create(url, token);
		}
		String deployment = String.valueOf(service.getDeployment());
		Mono<URI> lookup = Mono
			.defer(() -> this.bentoCloudClient.getObject().deployments().get(deployment, service.getCluster()))
			.switchIfEmpty(Mono.error(() -> notFound(name, deployment, service.getCluster())))
			.map(factory::urlOf);
		return factory.create(lookup, token);
	}

	/** The configured domains and the management endpoint's host. */
	private static List<String> deploymentHosts(BentoCloudProperties.Service service, BentoCloudProperties properties) {
		List<String> hosts = new ArrayList<>(service.getDeploymentHosts());
		String endpointHost = properties.getEndpoint().getHost();
		if (endpointHost != null) {
			hosts.add(endpointHost);
		}
		return hosts;
	}

	// The management client answers an absent deployment with empty: a call must fail.
	private static BentoCloudNotFoundException notFound(String name, String deployment, @Nullable String cluster) {
		return new BentoCloudNotFoundException(
				"BentoCloud has no deployment named '" + deployment + "'"
						+ ((cluster != null) ? " in cluster " + cluster : "") + " (bentocloud.services." + name
						+ ".deployment); the service's URL cannot be found",
				"GET /api/v2/deployments/{name}", 404, null, "");
	}

	/** Its own stream idle timeout, else the default one, else its call timeout. */
	private Duration streamIdleTimeout(NamedService service, Duration timeout) {
		if (service.getStreamIdleTimeout() != null) {
			return service.getStreamIdleTimeout();
		}
		Duration defaultIdle = this.properties.getService().getStreamIdleTimeout();
		return (defaultIdle != null) ? defaultIdle : timeout;
	}

	/**
	 * The token sent to the service: its own, else {@code bentocloud.service.token}.
	 * @param name the service's name
	 * @return the token, or {@code null} for none
	 */
	@Nullable String token(String name) {
		String own = service(name).getToken();
		return (own != null && !own.isBlank()) ? own : this.properties.getService().getToken();
	}

	/**
	 * What the service's {@code GET /readyz} answered, once its client was created here.
	 * @param name the service's name
	 * @return the answers, or {@code null} for a client the application defined itself
	 */
	@Nullable ReadinessAnswers readinessAnswers(String name) {
		return this.answers.get(name);
	}

	NamedService service(String name) {
		NamedService service = this.properties.getServices().get(name);
		if (service == null) {
			throw new IllegalStateException("No service named '" + name + "' in bentocloud.services");
		}
		return service;
	}

}
