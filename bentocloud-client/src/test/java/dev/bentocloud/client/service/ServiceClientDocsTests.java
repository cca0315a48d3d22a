package dev.bentocloud.client.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.bentocloud.client.docs.DocSnippets;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The "Plain Java" snippet of {@code docs/calling-services.md}, run against the emulator;
 * the test checks that every line of the snippet stands in this file, so the two stay the
 * same.
 */
class ServiceClientDocsTests {

	@RegisterExtension
	final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@TempDir
	Path temp;

	@Test
	void plainJava() throws IOException {
		this.emulator.get().seedDeployment("summarizer", "summarizer:1", true);
		String url = this.emulator.get().deploymentUrl("summarizer");
		String token = this.emulator.get().createUserWithToken("svc", "svc@example.com");
		String longText = "A long text about BentoML services and the Java clients that call them.";
		Files.write(Path.of("speech.wav"), new byte[] { 1, 2, 3 });
		try {
			// snippet: the service token comes from the environment in the docs
			String summarizerToken = token;
			BentoServiceClientFactory services = BentoServiceClientFactory.builder()
				.defaultToken(summarizerToken) // Protected Endpoint Access
				.callTimeout(Duration.ofSeconds(20))
				.build();
			BlockingBentoServiceClient summarizer = services.create(URI.create(url)).blocking();

			summarizer.waitUntilReady(Duration.ofMinutes(2));
			String summary = summarizer.call("summarize", Map.of("text", longText), String.class);

			List<String> printed = new ArrayList<>();
			try (Stream<String> tokens = summarizer.stream("generate", Map.of("prompt", "Once upon", "n", 3))) {
				tokens.forEach(printed::add); // as each chunk arrives
			}

			Map<String, Object> heard = summarizer.call("transcribe", Map.of("audio", Path.of("speech.wav")),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});

			BlockingBentoTask job = summarizer.submit("long_job", Map.of("seconds", 0.2));
			Map<String, Object> done = job.await(Duration.ofMinutes(5), new ParameterizedTypeReference<>() {
			});

			assertThat(summary).startsWith("Summary: A long text");
			assertThat(String.join("", printed)).isEqualTo("token-0 token-1 token-2 ");
			assertThat(heard).containsEntry("size", 3);
			assertThat(done).containsEntry("done", true);
		}
		finally {
			Files.deleteIfExists(Path.of("speech.wav"));
		}
	}

	@Test
	void theDocsShowThisCode() throws IOException {
		String snippet = DocSnippets.javaBlocks("docs/calling-services.md", "## Plain Java").get(0);
		String source = DocSnippets.normalizedSource(getClass());
		assertThat(snippet).as("the docs show the imports").contains("import ");
		for (String line : snippet.split("\n")) {
			if (isImportOfThisPackage(line)) {
				continue;
			}
			String code = DocSnippets.normalize(line.replaceAll("//.*", "")
				.replace("System.getenv(\"SUMMARIZER_TOKEN\")", "summarizerToken")
				.replace("url)", "url)")
				.replace("System.out::print", "printed::add")
				.replace("30)", "0.2)"));
			assertThat(source).as("docs line: " + line).contains(code);
		}
	}

	/**
	 * This test lives in the package of the classes it shows, so it has no import for
	 * them: such an import line must name a class that exists.
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
