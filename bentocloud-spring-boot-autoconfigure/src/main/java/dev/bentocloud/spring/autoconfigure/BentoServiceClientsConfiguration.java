package dev.bentocloud.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients of deployed BentoML services: the {@link BentoServiceClientFactory} for
 * services found at run time, and one client bean per entry of
 * {@code bentocloud.services} (defined by {@link BentoServiceClientsRegistrar}) with
 * {@link BentoServiceClients} to look them up by name.
 */
@Configuration(proxyBeanMethods = false)
@Import(BentoServiceClientsRegistrar.class)
class BentoServiceClientsConfiguration {

	// Lazy: its WebClient.Builder (Boot's connector and observation set-up) is then only
	// made for applications that use it.
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BentoServiceClientFactory bentoServiceClientFactory(BentoCloudProperties properties,
			BentoCloudConnectorFactory connectorFactory, ObjectProvider<WebClient.Builder> webClientBuilder) {
		return NamedServiceClients
			.defaults(properties, connectorFactory, () -> webClientBuilder.getIfAvailable(WebClient::builder))
			.build();
	}

	@Bean
	NamedServiceClients bentoCloudNamedServiceClients(BentoCloudProperties properties,
			BentoCloudConnectorFactory connectorFactory, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<BentoCloudClient> bentoCloudClient) {
		return new NamedServiceClients(properties, connectorFactory, webClientBuilder, bentoCloudClient);
	}

	// The client beans, ours or the application's, so that both ways give the same one.
	@Bean
	@ConditionalOnMissingBean
	BentoServiceClients bentoServiceClients(BentoCloudProperties properties, BeanFactory beanFactory) {
		Map<String, BentoServiceClient> clients = new LinkedHashMap<>();
		for (String name : properties.getServices().keySet()) {
			clients.put(name,
					beanFactory.getBean(BentoServiceClientsRegistrar.beanName(name), BentoServiceClient.class));
		}
		return new BentoServiceClients(clients);
	}

}
