package com.example.tokens;

import java.io.IOException;
import java.util.List;

import dev.bentocloud.spring.test.docs.DocSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Quick start" and "Testing your app" Java blocks, imports included, stand
 * in {@link TokenJanitor} and {@link TokenJanitorTests}, which compile and run.
 */
class ReadmeSnippetsTests {

	@Test
	void quickStartShowsTokenJanitor() throws IOException {
		assertShown(DocSnippets.javaBlocks("README.md", "## Quick start"), TokenJanitor.class);
	}

	@Test
	void testingYourAppShowsTokenJanitorTests() throws IOException {
		assertShown(DocSnippets.javaBlocks("README.md", "## Testing your app"), TokenJanitorTests.class);
	}

	private static void assertShown(List<String> blocks, Class<?> shown) throws IOException {
		assertThat(blocks).hasSize(1);
		assertThat(blocks.get(0)).contains("class " + shown.getSimpleName() + " {");
		DocSnippets.assertShownIn(blocks.get(0), shown);
	}

}
