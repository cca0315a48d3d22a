package dev.bentocloud.client.docs;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit example of {@code docs/emulator.md} is {@link TokenListTests}. */
class EmulatorDocsTests {

	@Test
	void theJUnitExampleIsTokenListTests() throws IOException {
		List<String> blocks = DocSnippets.javaBlocks("docs/emulator.md", "## JUnit 5 without Spring");
		assertThat(blocks).hasSize(1);
		DocSnippets.assertShownIn(blocks.get(0), TokenListTests.class);
	}

}
