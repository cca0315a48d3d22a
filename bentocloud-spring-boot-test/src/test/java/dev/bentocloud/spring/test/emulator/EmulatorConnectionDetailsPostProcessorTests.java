package dev.bentocloud.spring.test.emulator;

import java.net.URI;

import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.autoconfigure.BentoCloudClientBuilderCustomizer;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmulatorConnectionDetailsPostProcessor} in contexts built by hand: the
 * application's own connection details and builder customizers give way to the
 * emulator's, a {@code @ServiceConnection} container's details (here a bean definition
 * marked as Spring Boot marks them, on a second emulator) win over the in-JVM emulator's,
 * and BentoML's chain is redirected only while such a context is open. A context without
 * an emulator is left alone.
 */
class EmulatorConnectionDetailsPostProcessorTests {

	private static final URI DEVELOPER_ACCOUNT = URI.create("https://developer.example.com");

	@RegisterExtension
	static final BentoCloudEmulatorExtension container = new BentoCloudEmulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(
				(context) -> new EmulatorIsolationContextCustomizerFactory.Customizer().customizeContext(context, null))
		.withConfiguration(AutoConfigurations.of(BentoCloudAutoConfiguration.class))
		.withPropertyValues("bentocloud.credentials.bentoml-sources=false", "bentocloud.warm-up.enabled=false")
		.withBean("secretsManagerConnectionDetails", BentoCloudConnectionDetails.class,
				() -> new FixedConnectionDetails(DEVELOPER_ACCOUNT, "vault-SECRET"))
		.withBean(BentoCloudClientBuilderCustomizer.class,
				() -> (builder) -> builder.endpoint(DEVELOPER_ACCOUNT).apiToken("customizer-SECRET"));

	@Test
	void theEmulatorsDetailsReplaceTheApplicationsAndItsCustomizersCredentials() {
		this.runner
			.withConfiguration(AutoConfigurations.of(BentoCloudEmulatorTestAutoConfiguration.class,
					BentoCloudAutoConfiguration.class))
			.run((context) -> {
				BentoCloudEmulator emulator = context.getBean(BentoCloudEmulator.class);
				assertThat(context.getBeansOfType(BentoCloudConnectionDetails.class)).hasSize(1);
				assertThat(context.getBean(BentoCloudConnectionDetails.class).getSource()).isEqualTo("emulator");
				// Injected by name, the application's bean is the emulator's too.
				assertThat(context.getBean("secretsManagerConnectionDetails", BentoCloudConnectionDetails.class)
					.getSource()).isEqualTo("emulator");
				assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
				assertThat(context.getBean(BentoCloudClientBuilder.class).build().blocking().currentUser().name())
					.isEqualTo("demo");
				assertRedirectedTo(emulator);
			});
	}

	@Test
	void aServiceConnectionWinsOverTheInJvmEmulatorAndTheApplication() {
		BentoCloudEmulator server = container.get();
		this.runner.withInitializer((context) -> serviceConnection(context, server))
			.withConfiguration(AutoConfigurations.of(BentoCloudEmulatorTestAutoConfiguration.class,
					BentoCloudAutoConfiguration.class))
			.run((context) -> {
				assertThat(context.getBeansOfType(BentoCloudConnectionDetails.class)).hasSize(1);
				assertThat(context.getBean(BentoCloudConnectionDetails.class).getSource()).isEqualTo("container:test");
				server.clearRequests();
				assertThat(context.getBean(BlockingBentoCloudClient.class).currentUser().name()).isEqualTo("demo");
				assertThat(server.requestCount("GET", "/api/v1/auth/current")).isEqualTo(1);
				assertRedirectedTo(server);
			});
	}

	@Test
	void aServiceConnectionAloneIsEnough() {
		BentoCloudEmulator server = container.get();
		this.runner.withInitializer((context) -> serviceConnection(context, server)).run((context) -> {
			assertThat(context.getBean(BentoCloudConnectionDetails.class).getSource()).isEqualTo("container:test");
			assertThat(context.getBean(BentoCloudClientBuilder.class).build().blocking().currentUser().name())
				.isEqualTo("demo");
			assertRedirectedTo(server);
		});
	}

	@Test
	void theRedirectEndsWhenTheContextCloses() {
		BentoCloudEmulator server = container.get();
		ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
		this.runner.withInitializer((context) -> serviceConnection(context, server))
			.run((context) -> closed[0] = context.getSourceApplicationContext());
		assertThat(closed[0].isActive()).isFalse();
		assertThat(resolvedEndpoint()).isNotEqualTo(server.endpoint());
	}

	/** BentoML's chain on this machine, which may hold anything, or a broken file. */
	private static String resolvedEndpoint() {
		try {
			return BentoCloudCredentialsResolver.bentoml().resolve().endpoint();
		}
		catch (RuntimeException ex) {
			return "not resolved: " + ex.getClass().getName();
		}
	}

	@Test
	void withoutAnEmulatorTheApplicationsDetailsStay() {
		this.runner.run((context) -> {
			assertThat(context.getBean(BentoCloudConnectionDetails.class).getEndpoint()).isEqualTo(DEVELOPER_ACCOUNT);
			assertThat(context.getBean(BentoCloudClientBuilder.class)).extracting("endpoint")
				.isEqualTo(DEVELOPER_ACCOUNT);
			assertThat(context).doesNotHaveBean(EmulatorClientBuilderPostProcessor.class);
		});
	}

	private static void assertRedirectedTo(BentoCloudEmulator emulator) {
		BentoCloudCredentials credentials = BentoCloudCredentialsResolver.bentoml().resolve();
		assertThat(credentials.endpoint()).isEqualTo(emulator.endpoint());
		assertThat(credentials.apiToken()).isEqualTo(emulator.apiToken());
		assertThat(credentials.source()).startsWith("test-override:");
	}

	/** What {@code @ServiceConnection} registers for a container. */
	private static void serviceConnection(ConfigurableApplicationContext context, BentoCloudEmulator server) {
		RootBeanDefinition definition = new RootBeanDefinition(BentoCloudConnectionDetails.class,
				() -> new FixedConnectionDetails(URI.create(server.endpoint()), server.apiToken(), "container:test"));
		definition.setAttribute("org.springframework.boot.testcontainers.service.connection.ServiceConnection", true);
		((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("containerConnectionDetails",
				definition);
	}

	private record FixedConnectionDetails(URI getEndpoint, String getApiToken,
			String getSource) implements BentoCloudConnectionDetails {

		FixedConnectionDetails(URI endpoint, String token) {
			this(endpoint, token, "vault");
		}

	}

}
