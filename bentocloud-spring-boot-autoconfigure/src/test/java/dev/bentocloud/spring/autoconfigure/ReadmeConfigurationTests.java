package dev.bentocloud.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's properties table against the configuration metadata that the build
 * generates for this module: every property listed once, none invented, defaults as the
 * metadata states them, deprecated names mentioned.
 */
class ReadmeConfigurationTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.\\-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

	@Test
	void theTableListsEveryPropertyOfTheMetadataWithItsDefault() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		Map<String, JsonNode> deprecated = new LinkedHashMap<>();
		for (JsonNode property : JsonMapper.builder().build().readTree(Files.readString(METADATA)).get("properties")) {
			(property.has("deprecation") ? deprecated : properties).put(property.get("name").asString(), property);
		}
		String section = section(Files.readString(Path.of("../README.md")), "## Configuration");
		Map<String, String> rows = new LinkedHashMap<>();
		Matcher row = ROW.matcher(section);
		while (row.find()) {
			assertThat(rows.put(row.group(1), row.group(2).strip())).as("listed twice: " + row.group(1)).isNull();
		}
		assertThat(new TreeSet<>(rows.keySet())).isEqualTo(new TreeSet<>(properties.keySet()));
		properties.forEach((name, property) -> {
			// Without a default in the metadata, the README says in words what applies.
			if (property.has("defaultValue")) {
				assertThat(rows.get(name)).as("default of " + name).isEqualTo(shown(property.get("defaultValue")));
			}
		});
		deprecated.keySet().forEach((name) -> assertThat(section).contains("`" + name + "`"));
	}

	/** A list default is shown without brackets; the metadata may hold it as text. */
	private static String shown(JsonNode value) {
		if (value.isArray()) {
			StringBuilder items = new StringBuilder();
			value.forEach((item) -> items.append((items.isEmpty()) ? "" : ", ").append(item.asString()));
			return "`" + items + "`";
		}
		return "`" + value.asString().replaceAll("^\\[(.*)]$", "$1") + "`";
	}

	private static String section(String markdown, String heading) {
		int start = markdown.indexOf(heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = markdown.indexOf("\n## ", start + heading.length());
		return markdown.substring(start, (end < 0) ? markdown.length() : end);
	}

}
