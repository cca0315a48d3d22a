package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain, left-aligned text table: a header row, a rule, then one line per row. Cells
 * are never wrapped, so each record stays on one line for {@code grep} and {@code awk}.
 */
public final class TextTable {

	private static final String GAP = "  ";

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	public TextTable(String... headers) {
		this.headers = List.of(headers);
	}

	public TextTable addRow(String... cells) {
		if (cells.length != this.headers.size()) {
			throw new IllegalArgumentException("Expected " + this.headers.size() + " cells but got " + cells.length
					+ ": " + Arrays.toString(cells));
		}
		this.rows.add(Arrays.stream(cells).map((cell) -> (cell != null) ? cell : "").toList());
		return this;
	}

	public void print(PrintWriter out) {
		int[] widths = new int[this.headers.size()];
		measure(this.headers, widths);
		this.rows.forEach((row) -> measure(row, widths));
		printRow(out, this.headers, widths);
		StringBuilder rule = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			rule.append((i > 0) ? GAP : "").append("-".repeat(widths[i]));
		}
		out.println(rule);
		this.rows.forEach((row) -> printRow(out, row, widths));
		out.flush();
	}

	private static void measure(List<String> cells, int[] widths) {
		for (int i = 0; i < widths.length; i++) {
			widths[i] = Math.max(widths[i], cells.get(i).length());
		}
	}

	private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			String cell = cells.get(i);
			line.append((i > 0) ? GAP : "").append(cell);
			if (i < widths.length - 1) {
				line.append(" ".repeat(widths[i] - cell.length()));
			}
		}
		out.println(line);
	}

}
