package dev.bentocloud.spring.autoconfigure;

import java.util.Map;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties.NamedService;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one service is configured under {@code bentocloud.services}.
 */
class OnBentoCloudServicesCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("BentoCloud services");
		Map<String, NamedService> services = BentoServiceClientsRegistrar.bind(context.getEnvironment());
		return services.isEmpty()
				? ConditionOutcome.noMatch(message.didNotFind("property").items(BentoServiceClientsRegistrar.SERVICES))
				: ConditionOutcome.match(message.found("service", "services").items(services.keySet()));
	}

}
