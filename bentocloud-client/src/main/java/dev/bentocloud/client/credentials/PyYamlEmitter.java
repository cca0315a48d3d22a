package dev.bentocloud.client.credentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Emits a JSON tree as the YAML text that PyYAML's {@code yaml.dump} writes with its
 * defaults: block style, keys sorted by code point, no document marker, non-ASCII escaped
 * with upper-case hex digits, and strings that YAML 1.1 would read as something else
 * ({@code yes}, {@code 0777}, {@code 1:20}, …) single-quoted.
 */
final class PyYamlEmitter {

	// Implicit resolvers of PyYAML (YAML 1.1) for
	// bool, int, float, null, timestamp, merge, value.
	private static final Pattern YAML11_NON_STRING = Pattern.compile(String.join("|",
			"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N",
			"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
			"[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
					+ "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
			"~|null|Null|NULL|", "[0-9]{4}-[0-9]{2}-[0-9]{2}.*", "<<|="));

	private static final Pattern HEX_ESCAPE = Pattern
		.compile("\\\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})");

	// Python sorts str by code point; String.compareTo sorts by UTF-16 unit.
	private static final Comparator<String> PYTHON_ORDER = (a, b) -> Arrays.compare(a.codePoints().toArray(),
			b.codePoints().toArray());

	private final DumpSettings dumpSettings = DumpSettings.builder()
		.setDefaultFlowStyle(FlowStyle.BLOCK)
		.setIndent(2)
		.setWidth(80)
		.setUseUnicodeEncoding(false)
		.build();

	/**
	 * The YAML text for a tree.
	 * @param root the tree
	 * @return the text as PyYAML would write it
	 */
	String emit(JsonNode root) {
		StringBuilder out = new StringBuilder();
		new Dump(this.dumpSettings).dumpNode(node(root), new StringWriter(out));
		String yaml = out.toString();
		// PyYAML escapes non-ASCII as \xF6 / \u20AC, upper case. Without a literal
		// backslash in any value, every backslash in the output starts such an escape.
		if (yaml.indexOf('\\') >= 0 && !root.toString().contains("\\\\")) {
			yaml = HEX_ESCAPE.matcher(yaml)
				.replaceAll((match) -> Matcher.quoteReplacement(pythonEscape(match.group())));
		}
		return yaml;
	}

	/**
	 * {@code \\xf6} to {@code \\xF6}, {@code \\u20ac} to {@code \\u20AC}: PyYAML's
	 * upper-case hex digits.
	 */
	private static String pythonEscape(String escape) {
		return escape.substring(0, 2) + escape.substring(2).toUpperCase(Locale.ROOT);
	}

	private static Node node(JsonNode value) {
		if (value.isObject()) {
			List<String> keys = new ArrayList<>(value.propertyNames());
			keys.sort(PYTHON_ORDER);
			List<NodeTuple> tuples = new ArrayList<>();
			for (String key : keys) {
				tuples.add(new NodeTuple(string(key), node(value.get(key))));
			}
			return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
		}
		if (value.isArray()) {
			List<Node> items = new ArrayList<>();
			value.forEach((item) -> items.add(node(item)));
			return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
		}
		if (value.isNull() || value.isMissingNode()) {
			return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
		}
		if (value.isBoolean()) {
			return new ScalarNode(Tag.BOOL, value.booleanValue() ? "true" : "false", ScalarStyle.PLAIN);
		}
		if (value.isIntegralNumber()) {
			return new ScalarNode(Tag.INT, value.asString(), ScalarStyle.PLAIN);
		}
		if (value.isNumber()) {
			return new ScalarNode(Tag.FLOAT, value.asString(), ScalarStyle.PLAIN);
		}
		return string(value.asString());
	}

	private static ScalarNode string(String value) {
		ScalarStyle style = YAML11_NON_STRING.matcher(value).matches() ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN;
		return new ScalarNode(Tag.STR, value, style);
	}

	private record StringWriter(StringBuilder out) implements StreamDataWriter {

		@Override
		public void write(String str) {
			this.out.append(str);
		}

		@Override
		public void write(String str, int off, int len) {
			this.out.append(str, off, off + len);
		}

	}

}
