package dev.bentocloud.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table in Markdown syntax, so that run.sh output pastes into the README as
 * is.
 */
final class Table {

	private final String title;

	private final List<String[]> rows = new ArrayList<>();

	Table(String title, String... header) {
		this.title = title;
		this.rows.add(header);
	}

	Table row(Object... cells) {
		String[] row = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			row[i] = String.valueOf(cells[i]);
		}
		this.rows.add(row);
		return this;
	}

	String render() {
		int columns = this.rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : this.rows) {
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], (i < row.length) ? row[i].length() : 0);
			}
		}
		StringBuilder out = new StringBuilder(this.title).append("\n\n");
		for (int r = 0; r < this.rows.size(); r++) {
			appendRow(out, this.rows.get(r), widths);
			if (r == 0) {
				String[] rule = new String[columns];
				for (int i = 0; i < columns; i++) {
					rule[i] = "-".repeat(widths[i]);
				}
				appendRow(out, rule, widths);
			}
		}
		return out.toString();
	}

	private static void appendRow(StringBuilder out, String[] row, int[] widths) {
		out.append('|');
		for (int i = 0; i < widths.length; i++) {
			String cell = (i < row.length) ? row[i] : "";
			out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
		}
		out.append('\n');
	}

	static String fixed(double value, int decimals) {
		return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
	}

}
