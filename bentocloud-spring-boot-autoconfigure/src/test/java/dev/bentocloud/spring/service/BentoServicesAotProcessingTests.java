package dev.bentocloud.spring.service;

import java.nio.charset.StandardCharsets;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT processing (what {@code spring-boot:process-aot} runs) of named service
 * clients and {@code @BentoService} interface beans: their definitions become code, and
 * {@link BentoServiceInterfacesAotProcessor} adds the proxy and binding hints.
 */
class BentoServicesAotProcessingTests {

	private final RuntimeHints hints = new RuntimeHints();

	private final InMemoryGeneratedFiles generatedFiles = new InMemoryGeneratedFiles();

	@Test
	void namedServiceClientsAndInterfaceBeansBecomeCode() throws Exception {
		processAheadOfTime(WithServices.class, "bentocloud.services.summarizer.url=http://127.0.0.1:3000");
		String generated = String.join("\n", this.generatedFiles.getGeneratedFiles(Kind.SOURCE).keySet());
		assertThat(generated).contains("BentoCloudAutoConfiguration");
		StringBuilder allSources = new StringBuilder();
		for (InputStreamSource source : this.generatedFiles.getGeneratedFiles(Kind.SOURCE).values()) {
			allSources.append(StreamUtils.copyToString(source.getInputStream(), StandardCharsets.UTF_8));
		}
		assertThat(allSources.toString()).contains("summarizerBentoServiceClient",
				"summarizerBlockingBentoServiceClient", "translator");
	}

	@Test
	void anInterfaceBeanGetsItsProxyMethodAndBindingHints() throws Exception {
		processAheadOfTime(WithServices.class, "bentocloud.services.summarizer.url=http://127.0.0.1:3000");
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Translator.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(Translator.class.getMethod("translate", Translation.class))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Translation.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Translated.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(BentoServiceClient.class)).rejects(this.hints);
	}

	private void processAheadOfTime(Class<?> configuration, String... properties) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues.of(properties).and("bentocloud.allow-insecure-endpoint=true").applyTo(context);
			context.register(configuration);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(configuration)), this.generatedFiles, this.hints);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			generationContext.writeGeneratedContent();
		}
	}

	record Translation(String text, String language) {
	}

	record Translated(String text) {
	}

	@BentoService(url = "http://127.0.0.1:3000")
	interface Translator {

		Translated translate(Translation translation);

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BentoCloudAutoConfiguration.class)
	@EnableBentoServices(clients = Translator.class)
	static class WithServices {

	}

}
