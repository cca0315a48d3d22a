package dev.bentocloud.spring.service;

import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the checks of {@code @BentoService} interfaces, for applications
 * with {@link EnableBentoServices}: each interface is compared with its service's
 * {@code /schema.json} at startup as {@code bentocloud.service-interfaces.verify} says.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BentoCloudAutoConfiguration.class)
@ConditionalOnBean(name = BentoServicesRegistrar.PROXIES_BEAN_NAME)
@EnableConfigurationProperties(BentoServiceInterfacesProperties.class)
public final class BentoServiceInterfacesAutoConfiguration {

	@Bean
	BentoServiceInterfaceVerification bentoServiceInterfaceVerification(ConfigurableListableBeanFactory beanFactory,
			BentoServiceInterfacesProperties properties) {
		return new BentoServiceInterfaceVerification(beanFactory, properties);
	}

}
