package dev.bentocloud.sample.cli;

import java.io.PrintWriter;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON laid out as Python's {@code json.dumps(value, indent=2)} lays it out
 * ({@code "key": value}, one array element per line, {@code []} and {@code {}} when
 * empty), for the commands whose output BentoML users already feed to scripts.
 */
final class PythonJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.defaultPrettyPrinter(printer())
		.build();

	private PythonJson() {
	}

	static void print(PrintWriter out, Object value) {
		out.println(MAPPER.writeValueAsString(value));
		out.flush();
	}

	private static DefaultPrettyPrinter printer() {
		Separators separators = Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		printer.indentArraysWith(indenter);
		printer.indentObjectsWith(indenter);
		return printer;
	}

}
