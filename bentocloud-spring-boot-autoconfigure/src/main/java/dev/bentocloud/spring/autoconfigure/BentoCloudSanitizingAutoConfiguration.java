package dev.bentocloud.spring.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Keeps BentoCloud tokens out of the {@code env} and {@code configprops} actuator
 * endpoints, also when a user sets {@code show-values=always} (Boot masks nothing then).
 * Applies even with {@code bentocloud.enabled=false}: the token may still be in the
 * environment.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class BentoCloudSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BentoCloudSanitizingFunction bentoCloudSanitizingFunction(Environment environment) {
		return new BentoCloudSanitizingFunction(environment);
	}

}
