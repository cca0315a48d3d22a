package dev.bentocloud.client;

import java.util.List;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.Canary;
import dev.bentocloud.client.model.Cluster;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentConfig;
import dev.bentocloud.client.model.DeploymentQuery;
import dev.bentocloud.client.model.DeploymentStatus;
import dev.bentocloud.client.model.EnvVar;
import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Label;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.Page;
import dev.bentocloud.client.model.Scaling;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.SecretContent;
import dev.bentocloud.client.model.SecretItem;
import dev.bentocloud.client.model.ServiceConfig;
import dev.bentocloud.client.model.TokenExpiry;
import dev.bentocloud.client.model.UpdateSecretRequest;
import dev.bentocloud.client.model.User;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.core.DecoratingProxy;

/**
 * What the client reflects on, for a native image
 * ({@code META-INF/spring/aot.factories}): Jackson binding of the management API's model
 * records, and the {@link ManagementApi} HTTP interface, whose proxy the client builder
 * creates itself rather than as a bean (Spring's own processing covers HTTP interfaces
 * that are beans). The {@code .yatai.yaml} file and service schemas are read as JSON
 * trees, which need no hint; the client loads no class-path resource.
 */
class BentoCloudClientRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Every type of {@code dev.bentocloud.client.model}: Jackson reads or writes each.
	 */
	static final List<Class<?>> MODEL_TYPES = List.of(ApiToken.class, ApiTokenScope.class, Canary.class, Cluster.class,
			CreateApiTokenRequest.class, CreateSecretRequest.class, Deployment.class, DeploymentConfig.class,
			DeploymentQuery.class, DeploymentStatus.class, EnvVar.class, InstanceType.class, Label.class,
			Organization.class, Page.class, Scaling.class, Secret.class, SecretContent.class, SecretItem.class,
			ServiceConfig.class, TokenExpiry.class, UpdateSecretRequest.class, User.class);

	/**
	 * The interfaces of the HTTP interface client's JDK proxy, as Spring AOP completes
	 * them (spring-aop is named, not linked: the client does not compile against it).
	 */
	static final List<TypeReference> MANAGEMENT_API_PROXY = List.of(TypeReference.of(ManagementApi.class),
			TypeReference.of("org.springframework.aop.SpringProxy"),
			TypeReference.of("org.springframework.aop.framework.Advised"), TypeReference.of(DecoratingProxy.class));

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				MODEL_TYPES.toArray(Class<?>[]::new));
		// The @HttpExchange methods and their argument and return types, as for a bean.
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, ManagementApi.class);
		hints.proxies().registerJdkProxy(MANAGEMENT_API_PROXY.toArray(TypeReference[]::new));
	}

}
