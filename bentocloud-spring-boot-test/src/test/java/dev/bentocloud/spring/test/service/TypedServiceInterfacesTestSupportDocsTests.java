package dev.bentocloud.spring.test.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.interfaces.BentoRoute;
import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.test.docs.DocSnippets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The "Tests" snippets of {@code docs/typed-service-interfaces.md}: the interface checked
 * against a saved schema, and the emulator serving the interface's routes; the test
 * checks that every line the docs show is in this file.
 */
class TypedServiceInterfacesTestSupportDocsTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulators = new BentoCloudEmulatorExtension();

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

	@Test
	void theInterfaceMatchesTheService() {
		BentoServiceInterfaces.assertMatches(Summarizer.class, Path.of("src/test/resources/summarizer-schema.json"));
	}

	@Test
	void theEmulatorServesTheInterface() {
		BentoCloudEmulator emulator = this.emulators.get();
		emulator.seedDeployment("summarizer", "summarizer:1", false);
		emulator.serveApi("summarizer",
				BentoServiceInterfaces.emulatorApi(Summarizer.class, (route) -> switch (route.name()) {
					case "summarize" -> route.answer("A short summary");
					case "generate" -> route.chunks((call) -> List.of("Once ", "upon").iterator());
					default -> route;
				}));
		Summarizer summarizer = BentoServiceProxyFactory
			.of(BentoServiceClientFactory.builder().build().create(URI.create(emulator.deploymentUrl("summarizer"))))
			.create(Summarizer.class);
		assertThat(summarizer.summarize("anything")).isEqualTo("A short summary");
		assertThat(summarizer.generate("tell", null).collectList().block()).containsExactly("Once ", "upon");
	}

	@Test
	void theDocsShowThisCode() throws IOException {
		List<String> blocks = DocSnippets.javaBlocks("docs/typed-service-interfaces.md", "## Tests");
		String source = DocSnippets.normalizedSource(getClass());
		assertThat(blocks).hasSize(2);
		for (String block : blocks) {
			assertThat(block).as("the docs show the imports").contains("import ");
			for (String line : block.split("\n")) {
				if (isImportOfThisPackage(line)) {
					continue;
				}
				assertThat(source).as("docs line: " + line).contains(DocSnippets.normalize(line));
			}
		}
	}

	/**
	 * This test lives in the package of the class it shows, so it has no import for it:
	 * such an import line must name a class that exists.
	 */
	private boolean isImportOfThisPackage(String line) {
		String prefix = "import " + getClass().getPackageName() + ".";
		if (!line.startsWith(prefix)) {
			return false;
		}
		String name = line.substring("import ".length(), line.length() - 1);
		assertThatNoException().as(line).isThrownBy(() -> Class.forName(name));
		return true;
	}

}
