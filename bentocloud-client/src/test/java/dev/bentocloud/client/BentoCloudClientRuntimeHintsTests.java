package dev.bentocloud.client;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.model.DeploymentStatus;
import dev.bentocloud.client.model.Page;
import dev.bentocloud.client.model.User;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BentoCloudClientRuntimeHints}: found through
 * {@code META-INF/spring/aot.factories}, it lets Jackson bind every model type and the
 * management API's HTTP interface proxy be created, checked with
 * {@link RuntimeHintsPredicates}.
 */
class BentoCloudClientRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(BentoCloudClientRuntimeHints.class);
	}

	@Test
	void everyModelTypeIsListedAndItsRecordComponentsCanBeBound() throws Exception {
		List<Class<?>> modelTypes = modelPackageTypes();
		assertThat(modelTypes).hasSizeGreaterThan(20);
		assertThat(BentoCloudClientRuntimeHints.MODEL_TYPES).containsExactlyInAnyOrderElementsOf(modelTypes);
		for (Class<?> type : modelTypes) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
			if (type.isRecord()) {
				assertThat(RuntimeHintsPredicates.reflection()
					.onConstructorInvocation(type.getDeclaredConstructor(componentTypes(type)))).as(type.getName())
					.accepts(this.hints);
				for (RecordComponent component : type.getRecordComponents()) {
					assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
						.as(type.getName() + "." + component.getName())
						.accepts(this.hints);
				}
			}
		}
	}

	@Test
	void theManagementApiProxyAndItsExchangeMethodsHaveHints() throws Exception {
		assertThat(RuntimeHintsPredicates.proxies()
			.forInterfaces(AopProxyUtils.completeJdkProxyInterfaces(ManagementApi.class))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ManagementApi.class.getMethod("currentUser")))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(User.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Page.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ApiToken.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Deployment.class)).accepts(this.hints);
	}

	@Test
	void enumsCanBeReadByName() {
		assertThat(RuntimeHintsPredicates.reflection().onType(DeploymentStatus.class)).accepts(this.hints);
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints,
					BentoCloudClientRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	private static List<Class<?>> modelPackageTypes() throws IOException {
		String packageName = User.class.getPackageName();
		// The main classes only: the model's tests share its package.
		String mainClasses = User.class.getProtectionDomain().getCodeSource().getLocation().toString();
		Resource[] classes = new PathMatchingResourcePatternResolver()
			.getResources(mainClasses + packageName.replace('.', '/') + "/*.class");
		List<Class<?>> types = new ArrayList<>();
		for (Resource resource : classes) {
			String simpleName = resource.getFilename().replace(".class", "");
			if (!simpleName.contains("$") && !simpleName.equals("package-info")) {
				types.add(ClassUtils.resolveClassName(packageName + "." + simpleName, null));
			}
		}
		return types;
	}

	private static Class<?>[] componentTypes(Class<?> record) {
		RecordComponent[] components = record.getRecordComponents();
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		return types;
	}

}
