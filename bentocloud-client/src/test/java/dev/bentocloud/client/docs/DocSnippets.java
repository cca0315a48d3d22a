package dev.bentocloud.client.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java blocks of a section of a Markdown file, and the check that each of their lines
 * stands in a test source (whitespace and {@code //} comments aside).
 */
public final class DocSnippets {

	private DocSnippets() {
	}

	/**
	 * The Java blocks under a heading, up to the next heading of the same level or
	 * higher.
	 */
	public static List<String> javaBlocks(String markdownFile, String heading) throws IOException {
		String doc = Files.readString(Path.of("..", markdownFile));
		int start = doc.indexOf(heading + "\n");
		assertThat(start).as(markdownFile + ": " + heading).isNotNegative();
		String level = heading.substring(0, heading.indexOf(' ') + 1);
		int end = doc.indexOf("\n" + level, start + heading.length());
		int higher = (level.length() > 3) ? doc.indexOf("\n## ", start + heading.length()) : -1;
		end = (end < 0 || (higher >= 0 && higher < end)) ? higher : end;
		String section = doc.substring(start, (end < 0) ? doc.length() : end);
		List<String> blocks = new ArrayList<>();
		for (int at = section.indexOf("```java\n"); at >= 0; at = section.indexOf("```java\n", at)) {
			int to = section.indexOf("```", at + 8);
			blocks.add(section.substring(at + 8, to));
			at = to + 3;
		}
		return blocks;
	}

	/** Every line of the block, imports included, stands in the test class's source. */
	public static void assertShownIn(String block, Class<?> testClass) throws IOException {
		assertThat(block).contains("import ");
		String source = normalizedSource(testClass);
		for (String line : block.split("\n")) {
			assertThat(source).as("docs line: " + line).contains(normalize(line));
		}
	}

	/** The test class's source, {@link #normalize(String) normalized}. */
	public static String normalizedSource(Class<?> testClass) throws IOException {
		return normalize(Files.readString(Path.of("src/test/java/" + testClass.getName().replace('.', '/') + ".java")));
	}

	/** The text without {@code //} comments and whitespace. */
	public static String normalize(String text) {
		return text.replaceAll("//[^\n]*", "").replaceAll("\\s+", "");
	}

}
