package dev.bentocloud.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;
import dev.bentocloud.spring.health.BentoServiceHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration of the {@code bentocloudServices} health contributor: one component
 * per service in {@code bentocloud.services}, UP when its {@code GET /readyz} answers 200
 * (for example {@code /actuator/health/bentocloudServices/summarizer}). Present only when
 * a service is configured; turned off with
 * {@code management.health.bentocloud-services.enabled=false}; a user bean named
 * {@value #BEAN_NAME} replaces it. Checks share the {@code bentocloud.health.timeout} and
 * {@code bentocloud.health.cache-ttl} of the {@code bentocloud} indicator.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BentoCloudAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(BentoServiceClients.class)
@Conditional(OnBentoCloudServicesCondition.class)
@ConditionalOnEnabledHealthIndicator("bentocloud-services")
@EnableConfigurationProperties(BentoCloudProperties.class)
public final class BentoCloudServicesHealthContributorAutoConfiguration {

	/**
	 * The bean name, which Boot maps to the health component {@code bentocloudServices}.
	 */
	public static final String BEAN_NAME = "bentocloudServicesHealthContributor";

	@Bean(name = BEAN_NAME)
	@ConditionalOnMissingBean(name = { BEAN_NAME, "bentocloudServicesHealthIndicator" })
	CompositeReactiveHealthContributor bentocloudServicesHealthContributor(BentoServiceClients clients,
			BentoCloudProperties properties, ObjectProvider<NamedServiceClients> namedServiceClients) {
		NamedServiceClients named = namedServiceClients.getIfAvailable();
		BentoCloudProperties.Health health = properties.getHealth();
		Map<String, BentoServiceHealthIndicator> indicators = new LinkedHashMap<>();
		for (String name : clients.names()) {
			NamedService service = properties.getServices().get(name);
			Map<String, String> details = new LinkedHashMap<>();
			if (service != null && service.hasDeployment()) {
				details.put("deployment", String.valueOf(service.getDeployment()));
				if (service.getCluster() != null) {
					details.put("cluster", service.getCluster());
				}
			}
			indicators.put(name, new BentoServiceHealthIndicator(name, clients.get(name), details,
					(named != null && service != null) ? named.token(name) : null,
					(named != null) ? named.readinessAnswers(name) : null, health.getTimeout(), health.getCacheTtl()));
		}
		return CompositeReactiveHealthContributor.fromMap(indicators);
	}

}
