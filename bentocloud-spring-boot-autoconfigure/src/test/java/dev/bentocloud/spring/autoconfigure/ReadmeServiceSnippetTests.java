package dev.bentocloud.spring.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.testsupport.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Calling deployed services" controller, injected with a named service and
 * calling the emulator; the test checks that the README shows this code.
 */
class ReadmeServiceSnippetTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@Test
	void theControllerCallsTheNamedService() {
		BentoCloudEmulator server = emulator.get();
		server.seedDeployment("summarizer", "summarizer:1", false);
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, BentoCloudAutoConfiguration.class))
			.withPropertyValues("bentocloud.credentials.bentoml-sources=false",
					"spring.reactor.netty.shutdown-quiet-period=0s",
					"bentocloud.services.summarizer.url=" + server.deploymentUrl("summarizer"))
			.withBean(SummaryController.class)
			.run((context) -> {
				SummaryController controller = context.getBean(SummaryController.class);
				assertThat(controller.summary("Readme text").block()).isEqualTo("Summary: Readme text");
				assertThat(controller.story("once").collectList().block()).hasSize(5);
			});
	}

	@Test
	void theReadmeShowsThisController() throws IOException {
		List<String> blocks = DocSnippets.javaBlocks("README.md", "## Calling deployed services");
		DocSnippets.assertShownIn(blocks.get(0), getClass());
	}

	@RestController
	static class SummaryController {

		private final BentoServiceClient summarizer;

		SummaryController(@Qualifier("summarizer") BentoServiceClient summarizer) {
			this.summarizer = summarizer;
		}

		@GetMapping("/summary")
		Mono<String> summary(@RequestParam String text) {
			return this.summarizer.call("summarize", Map.of("text", text), String.class);
		}

		@GetMapping(path = "/story", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		// chunks as the model writes them
		Flux<String> story(@RequestParam String prompt) {
			return this.summarizer.stream("generate", Map.of("prompt", prompt, "n", 5));
		}

	}

}
