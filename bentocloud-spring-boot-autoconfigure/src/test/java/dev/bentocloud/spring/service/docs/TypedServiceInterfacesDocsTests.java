package dev.bentocloud.spring.service.docs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.interfaces.BentoRoute;
import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceVerifier;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.service.BentoServiceInterfacesAutoConfiguration;
import dev.bentocloud.spring.service.EnableBentoServices;
import dev.bentocloud.spring.testsupport.DocSnippets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of {@code docs/typed-service-interfaces.md} ("side by side" and
 * "Plain Java") run against the emulator's example service; the test checks that every
 * line the docs show is in this file.
 */
class TypedServiceInterfacesDocsTests {

	private static final String DOC = "docs/typed-service-interfaces.md";

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@TempDir
	Path temp;

	// snippet: the interface
	@BentoService("summarizer")
	public interface Summarizer {

		String summarize(String text);

		Flux<String> generate(String prompt, @Nullable Integer n);

		Classification classify(List<Double> input);

		Map<String, Object> transcribe(Path audio, @Nullable String language);

		Path render(String text);

		@BentoRoute(rootInput = true)
		List<List<Integer>> embed(List<String> texts);

		BlockingBentoTask longJob(double seconds);

		record Classification(String label, double score, int size) {
		}

	}

	// snippet: the application (@SpringBootApplication in the docs)
	@Configuration(proxyBeanMethods = false)
	@EnableBentoServices // scans this package and below for @BentoService interfaces
	public static class SummaryApplication {

	}

	@Service
	public static class Summaries {

		private final Summarizer summarizer;

		public Summaries(Summarizer summarizer) {
			this.summarizer = summarizer;
		}

		public String summary(String text) {
			return this.summarizer.summarize(text);
		}

	}

	@Test
	void theApplicationCallsTheServiceThroughTheInterface() {
		BentoCloudEmulator server = emulator.get();
		server.seedDeployment("summarizer", "summarizer:1", true);
		String token = server.createUserWithToken("svc", "svc@example.com");
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
							BentoCloudAutoConfiguration.class, BentoServiceInterfacesAutoConfiguration.class))
			.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s",
					"bentocloud.credentials.bentoml-sources=false",
					"bentocloud.services.summarizer.url=" + server.deploymentUrl("summarizer"),
					"bentocloud.services.summarizer.token=" + token, "bentocloud.service-interfaces.verify=fail")
			.withUserConfiguration(SummaryApplication.class)
			.withBean(Summaries.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Summaries.class).summary("A long text")).isEqualTo("Summary: A long text");
				Summarizer summarizer = context.getBean(Summarizer.class);
				assertThat(summarizer.generate("Once", 3).collectList().block()).hasSize(3);
				assertThat(summarizer.generate("Once", null).collectList().block()).hasSize(3);
				assertThat(summarizer.classify(List.of(1.0, 2.0)).label()).isEqualTo("positive");
				Path speech = Files.write(this.temp.resolve("speech.wav"), new byte[] { 1, 2, 3 });
				assertThat(summarizer.transcribe(speech, null)).containsEntry("size", 3);
				assertThat(Files.readString(summarizer.render("hi"))).isEqualTo("hi");
				assertThat(summarizer.embed(List.of("a b"))).containsExactly(List.of(3, 2));
				assertThat(summarizer.longJob(0.1)
					.await(Duration.ofSeconds(10), new ParameterizedTypeReference<Map<String, Object>>() {
					})).containsEntry("done", true);
			});
	}

	@Test
	void plainJava() {
		BentoCloudEmulator server = emulator.get();
		server.seedDeployment("plain", "summarizer:1", true);
		String url = server.deploymentUrl("plain");
		String summarizerToken = server.createUserWithToken("plain", "plain@example.com");
		// snippet: plain Java
		BentoServiceClient client = BentoServiceClientFactory.builder()
			.defaultToken(summarizerToken)
			.build()
			.create(URI.create(url));
		Summarizer summarizer = BentoServiceProxyFactory.of(client).create(Summarizer.class);
		BentoServiceInterfaceVerifier.assertMatches(Summarizer.class, client.blocking().schema(), "the summarizer");
		String summary = summarizer.summarize("A long text");
		assertThat(summary).isEqualTo("Summary: A long text");
	}

	@Test
	void theDocsShowThisCode() throws IOException {
		String source = DocSnippets.normalizedSource(getClass());
		List<String> snippets = new ArrayList<>(
				DocSnippets.javaBlocks(DOC, "## The Python service and the Java interface, side by side"));
		snippets.addAll(DocSnippets.javaBlocks(DOC, "## Plain Java"));
		assertThat(snippets).hasSize(3);
		for (String snippet : snippets) {
			for (String line : snippet.split("\n")) {
				String code = DocSnippets
					.normalize(line.replace("@SpringBootApplication", "@Configuration(proxyBeanMethods = false)")
						.replace("boot.autoconfigure.SpringBootApplication", "context.annotation.Configuration")
						.replace("System.getenv(\"SUMMARIZER_TOKEN\")", "summarizerToken"));
				assertThat(source).as("docs line: " + line).contains(code);
			}
		}
	}

}
