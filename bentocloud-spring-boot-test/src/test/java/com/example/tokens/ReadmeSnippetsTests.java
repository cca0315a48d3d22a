package com.example.tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Quick start" and "Testing your app" Java blocks, imports included, stand
 * in {@link TokenJanitor} and {@link TokenJanitorTests}, which compile and run.
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("../README.md");

	@Test
	void quickStartShowsTokenJanitor() throws IOException {
		assertShown(javaBlocks("## Quick start"), "TokenJanitor");
	}

	@Test
	void testingYourAppShowsTokenJanitorTests() throws IOException {
		assertShown(javaBlocks("## Testing your app"), "TokenJanitorTests");
	}

	private static void assertShown(List<String> blocks, String className) throws IOException {
		assertThat(blocks).hasSize(1);
		assertThat(blocks.get(0)).contains("import ").contains("class " + className + " {");
		String source = normalize(Files.readString(Path.of("src/test/java/com/example/tokens/" + className + ".java")));
		for (String line : blocks.get(0).split("\n")) {
			assertThat(source).as("README line: " + line).contains(normalize(line));
		}
	}

	private static List<String> javaBlocks(String heading) throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf(heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = readme.indexOf("\n## ", start + heading.length());
		String section = readme.substring(start, (end < 0) ? readme.length() : end);
		List<String> blocks = new ArrayList<>();
		for (int at = section.indexOf("```java\n"); at >= 0; at = section.indexOf("```java\n", at)) {
			int to = section.indexOf("```", at + 8);
			blocks.add(section.substring(at + 8, to));
			at = to + 3;
		}
		return blocks;
	}

	private static String normalize(String text) {
		return text.replaceAll("//[^\n]*", "").replaceAll("\\s+", "");
	}

}
