package dev.bentocloud.sample.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -o/--output} option of commands whose default is a table.
 */
public class OutputOption {

	@Option(names = { "-o", "--output" }, defaultValue = "table", paramLabel = "FORMAT",
			description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	OutputFormat format;

	public OutputFormat format() {
		return this.format;
	}

}
