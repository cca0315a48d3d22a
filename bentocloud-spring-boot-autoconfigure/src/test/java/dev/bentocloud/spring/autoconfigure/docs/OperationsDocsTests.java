package dev.bentocloud.spring.autoconfigure.docs;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.autoconfigure.BentoCloudClientBuilderCustomizer;
import dev.bentocloud.spring.testsupport.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration of {@code docs/operations.md} ("Customizing the client") against the
 * emulator: a customizer, and a client built for another token from the builder bean; the
 * test checks that the page shows this code.
 */
class OperationsDocsTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void aClientForAnotherTokenFromTheBuilderBean() {
		BentoCloudEmulator server = emulator.get();
		String aliceToken = server.createUserWithToken("alice", "alice@example.com");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class))
			.withPropertyValues("bentocloud.credentials.bentoml-sources=false",
					"spring.reactor.netty.shutdown-quiet-period=0s", "bentocloud.endpoint=" + server.endpoint(),
					"bentocloud.api-token=" + server.apiToken())
			.withUserConfiguration(BentoCloudClientConfiguration.class)
			.run((context) -> {
				BentoCloudClientConfiguration.TeamClients teams = context
					.getBean(BentoCloudClientConfiguration.TeamClients.class);
				assertThat(teams.forToken(aliceToken).blocking().currentUser().name()).isEqualTo("alice");
				assertThat(context.getBean(BentoCloudClient.class).blocking().currentUser().name()).isEqualTo("demo");
			});
	}

	@Test
	void theDocsShowThisCode() throws IOException {
		List<String> blocks = DocSnippets.javaBlocks("docs/operations.md", "## Customizing the client");
		DocSnippets.assertShownIn(blocks.get(0), getClass());
	}

	@Configuration(proxyBeanMethods = false)
	static class BentoCloudClientConfiguration {

		@Bean
		BentoCloudClientBuilderCustomizer patientCalls() {
			return (builder) -> builder.responseTimeout(Duration.ofMinutes(2));
		}

		@Bean
		TeamClients teamClients(ObjectProvider<BentoCloudClientBuilder> builders) {
			return (teamToken) -> builders.getObject().apiToken(teamToken).build();
		}

		interface TeamClients {

			BentoCloudClient forToken(String teamToken);

		}

	}

}
