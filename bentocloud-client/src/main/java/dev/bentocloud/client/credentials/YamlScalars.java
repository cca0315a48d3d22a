package dev.bentocloud.client.credentials;

import java.math.BigInteger;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Types a YAML scalar as a JSON node exactly as jackson-dataformat-yaml 3.1 (the reader
 * this client used before) and Jackson's tree reader did: YAML's JSON schema for plain
 * scalars ({@code true}, {@code 12}, {@code 1.5e3}, {@code null}; an empty value is the
 * empty string), Jackson's rules for the {@code !!int}, {@code !!float}, {@code !!bool},
 * {@code !!null} and {@code !!binary} tags, and the smallest of int, long and big integer
 * for a number. Files already read keep the same tree, and so the same
 * {@link YataiConfig#raw()} and the same file when written again.
 */
final class YamlScalars {

	private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ScalarResolver resolver = new JsonScalarResolver();

	private final StreamReadConstraints constraints;

	YamlScalars(StreamReadConstraints constraints) {
		this.constraints = constraints;
	}

	/**
	 * The node for a scalar.
	 * @param scalar the scalar event
	 * @return the node, or {@code null} for an {@code !!int} that is only a sign (Jackson
	 * read no value at all there)
	 * @throws IllegalArgumentException when a tagged value or a number cannot be read
	 * @throws tools.jackson.core.exc.StreamConstraintsException for a number of more than
	 * 1000 characters
	 */
	@Nullable JsonNode decode(ScalarEvent scalar) {
		String value = scalar.getValue();
		if (value.isEmpty()) {
			// Tagged or not, quoted or not: the reader had EMPTY_STRING_AS_NULL off.
			return NODES.stringNode(value);
		}
		Optional<String> tag = scalar.getTag();
		if (tag.isEmpty() || tag.get().equals("!")) {
			Tag resolved = this.resolver.resolve(value, scalar.getImplicit().canOmitTagInPlainScalar());
			if (resolved == Tag.INT) {
				return integer(value);
			}
			if (resolved == Tag.FLOAT) {
				return floating(value);
			}
			if (resolved == Tag.BOOL) {
				return bool(value);
			}
			return (resolved == Tag.NULL) ? NODES.nullNode() : NODES.stringNode(value);
		}
		String type = tag.get();
		if (type.startsWith(YAML_TAG_PREFIX)) {
			type = type.substring(YAML_TAG_PREFIX.length());
			if (type.contains(",")) {
				String[] parts = type.split(",");
				type = (parts.length == 0) ? "" : parts[0];
			}
		}
		if (type.equals("binary")) {
			return NODES.binaryNode(Base64Variants.MIME.decode(value.trim()));
		}
		if (type.equals("bool")) {
			return bool(value);
		}
		return switch (type) {
			case "int" -> integer(value);
			case "float" -> floating(value);
			case "null" -> NODES.nullNode();
			default -> NODES.stringNode(value);
		};
	}

	private static JsonNode bool(String value) {
		if (value.equalsIgnoreCase("true")) {
			return NODES.booleanNode(true);
		}
		return value.equalsIgnoreCase("false") ? NODES.booleanNode(false) : NODES.stringNode(value);
	}

	// YAML 1.1 integers when tagged: 0b binary, 0o or 0 octal, 0x hex, _ separators.
	private @Nullable JsonNode integer(String value) {
		int length = value.length();
		boolean negative = value.charAt(0) == '-';
		int i = (negative || value.charAt(0) == '+') ? 1 : 0;
		if (i == length) {
			return null;
		}
		if (value.charAt(i) == '0') {
			if (++i == length) {
				return NODES.numberNode(0);
			}
			char next = value.charAt(i);
			if ((next >= '0' && next <= '9') || next == '_') {
				return radix(value, i, 8, 10, 21, false, negative);
			}
			return switch (next) {
				case 'b', 'B' -> radix(value, i + 1, 2, 31, 63, true, negative);
				case 'o', 'O' -> radix(value, i + 1, 8, 10, 21, false, negative);
				case 'x', 'X' -> radix(value, i + 1, 16, 7, 15, true, negative);
				default -> NODES.stringNode(value);
			};
		}
		boolean underscores = false;
		for (; i < length; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				if (c != '_') {
					return NODES.stringNode(value);
				}
				underscores = true;
			}
		}
		String digits = value;
		if (underscores) {
			digits = withoutUnderscores(value, (value.charAt(0) == '+') ? 1 : 0);
			if (digits.isEmpty() || digits.equals("-")) {
				throw new IllegalArgumentException("an integer without digits");
			}
		}
		return decimal(digits, negative);
	}

	private JsonNode decimal(String digits, boolean negative) {
		int length = digits.length() - (negative ? 1 : 0);
		if (length <= 9) {
			return NODES.numberNode(Integer.parseInt(digits));
		}
		if (length <= 18) {
			long number = Long.parseLong(digits);
			if (length == 10 && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
				return NODES.numberNode((int) number);
			}
			return NODES.numberNode(number);
		}
		this.constraints.validateIntegerLength(digits.length());
		BigInteger number = new BigInteger(digits);
		return (length == 19 && number.bitLength() <= 63) ? NODES.numberNode(number.longValue())
				: NODES.numberNode(number);
	}

	// Jackson's digit counts: up to intDigits an int, up to longDigits a long (an int
	// when it fits and intWhenFits), else a big integer.
	private static JsonNode radix(String value, int start, int radix, int intDigits, int longDigits,
			boolean intWhenFits, boolean negative) {
		String digits = withoutUnderscores(value, start);
		if (digits.length() <= intDigits) {
			int number = Integer.parseInt(digits, radix);
			return NODES.numberNode(negative ? -number : number);
		}
		if (digits.length() <= longDigits) {
			long number = Long.parseLong(digits, radix);
			boolean checkInt = intWhenFits && digits.length() == intDigits + 1;
			if (negative) {
				number = -number;
				return (checkInt && number >= Integer.MIN_VALUE) ? NODES.numberNode((int) number)
						: NODES.numberNode(number);
			}
			return (checkInt && number < Integer.MAX_VALUE) ? NODES.numberNode((int) number) : NODES.numberNode(number);
		}
		BigInteger number = new BigInteger(digits, radix);
		return NODES.numberNode(negative ? number.negate() : number);
	}

	private JsonNode floating(String value) {
		String digits = (value.indexOf('_') >= 0) ? withoutUnderscores(value, (value.charAt(0) == '+') ? 1 : 0) : value;
		this.constraints.validateFPLength(digits.length());
		return NODES.numberNode(Double.parseDouble(digits));
	}

	private static String withoutUnderscores(String value, int start) {
		StringBuilder digits = new StringBuilder(value.length());
		for (int i = start; i < value.length(); i++) {
			if (value.charAt(i) != '_') {
				digits.append(value.charAt(i));
			}
		}
		return digits.toString();
	}

}
