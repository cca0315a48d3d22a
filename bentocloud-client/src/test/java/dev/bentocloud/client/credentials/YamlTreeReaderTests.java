package dev.bentocloud.client.credentials;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.bentocloud.client.credentials.YamlTreeReader.YamlTree;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tree, lines and errors that the credentials file reader gets from YAML text, as
 * jackson-dataformat-yaml gave them before.
 */
class YamlTreeReaderTests {

	private static final Path FILE = Path.of("test.yaml");

	private final YamlTreeReader reader = new YamlTreeReader(LoadSettings.builder().build(),
			StreamReadConstraints.builder().maxNestingDepth(32).maxDocumentLength(1000).build());

	@Test
	void typesPlainScalarsByYamlsJsonSchemaAndKeepsAliasesAsTheirNames() {
		JsonNode root = read("a: 12\nb: 12345678901\nc: 123456789012345678901\nd: 1.5e3\ne: true\n"
				+ "f: True\ng: null\nh: ~\ni: &x v\nj: *x\nk:\nl: ''\nm: 0x1F\n")
			.root();
		assertThat(root.get("a")).isInstanceOf(IntNode.class);
		assertThat(root.get("b")).isInstanceOf(LongNode.class);
		assertThat(root.get("c")).isEqualTo(BigIntegerNode.valueOf(new BigInteger("123456789012345678901")));
		assertThat(root.get("d")).isEqualTo(DoubleNode.valueOf(1500.0));
		assertThat(root.get("e").booleanValue()).isTrue();
		assertThat(root.get("f").stringValue()).isEqualTo("True");
		assertThat(root.get("g").isNull()).isTrue();
		assertThat(root.get("h").stringValue()).isEqualTo("~");
		assertThat(root.get("j").stringValue()).isEqualTo("x");
		assertThat(root.get("k").stringValue()).isEmpty();
		assertThat(root.get("l").stringValue()).isEmpty();
		assertThat(root.get("m").stringValue()).isEqualTo("0x1F");
	}

	@Test
	void typesTaggedScalarsAsJacksonDid() {
		JsonNode root = read("a: !!int 0x1F\nb: !!int 017\nc: !!int -0b101\nd: !!int 1_000\n"
				+ "e: !!float 2\nf: !!bool TRUE\ng: !!binary aGk=\nh: !!null x\ni: !!str 12\n")
			.root();
		assertThat(root.get("a")).isEqualTo(IntNode.valueOf(31));
		assertThat(root.get("b")).isEqualTo(IntNode.valueOf(15));
		assertThat(root.get("c")).isEqualTo(IntNode.valueOf(-5));
		assertThat(root.get("d")).isEqualTo(IntNode.valueOf(1000));
		assertThat(root.get("e")).isEqualTo(DoubleNode.valueOf(2.0));
		assertThat(root.get("f").booleanValue()).isTrue();
		assertThat(root.get("g")).isEqualTo(BinaryNode.valueOf("hi".getBytes(StandardCharsets.US_ASCII)));
		assertThat(root.get("h").isNull()).isTrue();
		assertThat(root.get("i").stringValue()).isEqualTo("12");
	}

	@Test
	void recordsTheLineOfEachKeyAndListEntry() {
		YamlTree tree = read("# comment\ncontexts:\n- name: a\n\n  api_token: t\n");
		assertThat(tree.lines()).containsEntry(JsonPointer.compile(""), 2)
			.containsEntry(JsonPointer.compile("/contexts"), 2)
			.containsEntry(JsonPointer.compile("/contexts/0"), 3)
			.containsEntry(JsonPointer.compile("/contexts/0/api_token"), 5);
	}

	@Test
	void noDocumentIsAMissingNode() {
		assertThat(read("# only a comment\n").root().isMissingNode()).isTrue();
		assertThat(read("").root().isMissingNode()).isTrue();
	}

	@Test
	void duplicateKeyIsAnErrorOnItsLine() {
		YataiConfigException ex = failure("a: 1\nb:\n  c: 1\n  c: 2\n");
		assertThat(ex.getProblem()).isEqualTo("it is not valid YAML (a key appears twice in a mapping)");
		assertThat(ex.getLine()).hasValue(4);
	}

	@Test
	void secondDocumentIsAnError() {
		assertThat(failure("a: 1\n---\nb: 2\n")).hasMessageContaining("more than one document");
	}

	@Test
	void keyThatIsACollectionOrAnAliasIsAnError() {
		assertThat(failure("a: &x 1\n*x : 2\n")).hasMessageContaining("a key that is");
		assertThat(failure("? [a]\n: 2\n")).hasMessageContaining("a key that is");
	}

	@Test
	void unreadableTaggedValueIsAnErrorThatDoesNotQuoteIt() {
		YataiConfigException ex = failure("a: !!int 0xSECRET\n");
		assertThat(ex).hasMessageNotContaining("SECRET");
		assertThat(ex.getLine()).hasValue(1);
		assertThat(failure("a: !!binary '@SECRET@'\n")).hasMessageNotContaining("SECRET");
		assertThat(failure("a: .inf\n")).hasMessageContaining("cannot be read");
	}

	@Test
	void bytesThatAreNotUtf8AreAnError() {
		byte[] overlongSlash = { 'a', ':', ' ', (byte) 0xC0, (byte) 0xAF, '\n' };
		assertThat(failure(overlongSlash).getProblem()).isEqualTo("it is not valid YAML (it is not UTF-8 text)");
	}

	@Test
	void nestingAndLengthLimitsAreParserLimits() {
		assertThatExceptionOfType(StreamConstraintsException.class)
			.isThrownBy(() -> read("a: " + "[".repeat(33) + "]".repeat(33)));
		assertThatExceptionOfType(StreamConstraintsException.class).isThrownBy(() -> read("a: " + "b".repeat(1001)));
		assertThat(read("a: " + "[".repeat(31) + "]".repeat(31)).root().get("a").isArray()).isTrue();
	}

	private YamlTree read(String yaml) {
		return this.reader.read(yaml.getBytes(StandardCharsets.UTF_8), FILE);
	}

	private YataiConfigException failure(String yaml) {
		return failure(yaml.getBytes(StandardCharsets.UTF_8));
	}

	private YataiConfigException failure(byte[] content) {
		return assertThatExceptionOfType(YataiConfigException.class).isThrownBy(() -> this.reader.read(content, FILE))
			.actual();
	}

}
