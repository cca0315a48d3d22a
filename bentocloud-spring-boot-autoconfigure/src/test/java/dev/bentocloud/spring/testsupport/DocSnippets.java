package dev.bentocloud.spring.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java blocks of a section of the project's Markdown files, and the check that each
 * of their lines stands in a test's source, so that the docs show code that compiles and
 * runs. Whitespace, {@code //} comments and {@code static} do not count: a nested class
 * of a test may be a top-level class in the docs.
 */
public final class DocSnippets {

	private DocSnippets() {
	}

	/**
	 * The Java blocks under a heading, up to the next heading of the same level or
	 * higher.
	 * @param markdownFile the file, relative to the project's root
	 * @param heading the heading's line, such as {@code ## Plain Java}
	 * @return the blocks, without their fences
	 * @throws IOException if the file cannot be read
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

	/**
	 * Checks that the block shows its imports and that each of its lines stands in the
	 * test class's source.
	 * @param block a Java block of the docs
	 * @param testClass the test class that runs the block's code
	 * @throws IOException if the source cannot be read
	 */
	public static void assertShownIn(String block, Class<?> testClass) throws IOException {
		assertThat(block).as("the docs show the imports").contains("import ");
		String source = normalizedSource(testClass);
		for (String line : block.split("\n")) {
			assertThat(source).as("docs line: " + line).contains(normalize(line));
		}
	}

	/**
	 * The test class's source, {@link #normalize(String) normalized}.
	 * @param testClass the test class
	 * @return the normalized source
	 * @throws IOException if the source cannot be read
	 */
	public static String normalizedSource(Class<?> testClass) throws IOException {
		return normalize(Files.readString(Path.of("src/test/java/" + testClass.getName().replace('.', '/') + ".java")));
	}

	/**
	 * The text without {@code //} comments, {@code static} and whitespace.
	 * @param text a line or a source
	 * @return the normalized text
	 */
	public static String normalize(String text) {
		return text.replaceAll("//[^\n]*", "").replace("static ", "").replaceAll("\\s+", "");
	}

}
