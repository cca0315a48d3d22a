package dev.bentocloud.sample.cli;

import java.io.PrintWriter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes the {@code json} and {@code yaml} outputs: indented JSON, and block-style YAML
 * without a document marker, as {@code json.dumps(indent=2)} and {@code yaml.dump} do.
 */
public final class StructuredOutput {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.build();

	private StructuredOutput() {
	}

	/**
	 * Prints {@code value} (maps, lists, strings, numbers, booleans) in the given format.
	 * @param out where to print
	 * @param format {@link OutputFormat#JSON} or {@link OutputFormat#YAML}
	 * @param value the value to print
	 */
	public static void print(PrintWriter out, OutputFormat format, Object value) {
		switch (format) {
			case JSON -> out.println(JSON.writeValueAsString(value));
			case YAML -> out.print(YAML.writeValueAsString(value));
			case TABLE -> throw new IllegalArgumentException("Tables are printed by the command itself");
		}
		out.flush();
	}

}
