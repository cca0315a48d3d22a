package dev.bentocloud.spring.autoconfigure;

import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import dev.bentocloud.spring.health.BentoCloudHealthIndicator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code bentocloud} health indicator. Boot names a health
 * component after its bean, minus a {@code HealthIndicator}/{@code HealthContributor}
 * suffix (ignoring case), so the bean {@value #BEAN_NAME} shows up as {@code bentocloud};
 * a user bean of that name replaces ours. Turned off with
 * {@code management.health.bentocloud.enabled=false}.
 * <p>
 * Reactive, so it runs as is under WebFlux; Boot's health endpoint blocks on it in
 * Servlet (MVC) and non-web applications, which is safe because the check is bounded by
 * {@code bentocloud.health.timeout}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BentoCloudAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean({ BentoCloudClient.class, BentoCloudConnectionDetails.class })
@ConditionalOnEnabledHealthIndicator("bentocloud")
@EnableConfigurationProperties(BentoCloudProperties.class)
public final class BentoCloudHealthContributorAutoConfiguration {

	/** The bean name, which Boot maps to the health component {@code bentocloud}. */
	public static final String BEAN_NAME = "bentocloudHealthIndicator";

	@Bean(name = BEAN_NAME)
	@ConditionalOnMissingBean(name = BEAN_NAME)
	BentoCloudHealthIndicator bentocloudHealthIndicator(BentoCloudClient bentoCloudClient,
			BentoCloudConnectionDetails connectionDetails, BentoCloudProperties properties, Environment environment,
			ObjectProvider<AutoConfiguredClientCredentials> autoConfigured, ListableBeanFactory beanFactory) {
		BentoCloudProperties.Health health = properties.getHealth();
		BentoCloudCredentials credentials = autoConfigured
			.getIfAvailable(() -> applicationClient(bentoCloudClient, connectionDetails, beanFactory))
			.credentials();
		return new BentoCloudHealthIndicator(bentoCloudClient, credentials,
				BentoCloudCredentialsSource.from(environment).deploymentUrl(), health.getTimeout(),
				health.getCacheTtl());
	}

	/**
	 * A client the application defined itself: its endpoint is the client's own, and its
	 * token is unknown to us, so the details do not claim a source they cannot vouch for.
	 * The configured token still scrubs the details, should the client use it.
	 */
	private static AutoConfiguredClientCredentials applicationClient(BentoCloudClient client,
			BentoCloudConnectionDetails connectionDetails, ListableBeanFactory beanFactory) {
		String name = String.join(", ", beanFactory.getBeanNamesForType(BentoCloudClient.class));
		return new AutoConfiguredClientCredentials(
				new BentoCloudCredentials(client.endpoint().toString(), connectionDetails.getApiToken(),
						"the application's own BentoCloudClient bean '" + name + "'", List.of()));
	}

}
