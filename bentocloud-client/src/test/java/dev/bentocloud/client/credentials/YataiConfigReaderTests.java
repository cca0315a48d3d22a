package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@link YataiConfigReader} reads {@code .yatai.yaml} as BentoML's Python client does and
 * names what is wrong with a file.
 */
class YataiConfigReaderTests {

	private final YataiConfigReader reader = new YataiConfigReader();

	@TempDir
	Path dir;

	@Test
	void readsTheFileThePythonClientWrites() {
		YataiConfig config = read("python-default.yaml");
		assertThat(config.currentContextName()).isEqualTo("default");
		assertThat(config.contexts())
			.containsExactly(new YataiContext("default", "https://cloud.bentoml.com", "tok-aaa", null));
		assertThat(config.currentContext()).map(YataiContext::apiToken).hasValue("tok-aaa");
	}

	@Test
	void readsSeveralContextsWithSpecialCharacterAndEscapedUnicodeTokens() {
		YataiConfig config = read("python-several.yaml");
		assertThat(config.contextNames()).containsExactly("default", "prod", "quoted", "unicöde");
		assertThat(config.currentContext()).map(YataiContext::apiToken).hasValue("a:b#c'\"d");
		assertThat(config.context("prod")).map(YataiContext::email).hasValue("dev@example.com");
		assertThat(config.context("prod")).map(YataiContext::endpoint).hasValue("https://prod.cloud.bentoml.com");
		assertThat(config.context("quoted")).map(YataiContext::apiToken).hasValue("a: b #c'\"d");
		assertThat(config.context("unicöde")).map(YataiContext::apiToken).hasValue("tök€n");
		assertThat(config.context("default")).map(YataiContext::email).isEmpty();
	}

	@Test
	void keepsUnknownKeysInTheRawTree() {
		YataiConfig config = read("unicode-and-unknown-keys.yaml");
		assertThat(config.currentContext()).map(YataiContext::apiToken).hasValue("tök€n");
		assertThat(config.raw().path("future_option").path("nested").size()).isEqualTo(2);
		assertThat(config.raw().path("contexts").path(0).path("team").stringValue()).isEqualTo("ml-platform");
	}

	@Test
	void rawTreeCannotBeChangedFromOutside() {
		YataiConfig config = read("python-default.yaml");
		config.raw().put("current_context_name", "changed");
		assertThat(config.raw().path("current_context_name").stringValue()).isEqualTo("default");
	}

	@ParameterizedTest
	@ValueSource(strings = { "empty.yaml", "null.yaml", "empty-map.yaml", "empty-list.yaml" })
	void emptyOrFalsyContentMeansNoContextsAsInPython(String fixture) {
		YataiConfig config = read(fixture);
		assertThat(config.contexts()).isEmpty();
		assertThat(config.currentContextName()).isEqualTo("default");
		assertThat(config.currentContext()).isEmpty();
	}

	@Test
	void missingFileIsEmpty() {
		assertThat(this.reader.read(this.dir.resolve("nope.yaml"))).isEmpty();
	}

	@Test
	void absentCurrentContextNameIsDefault() {
		YataiConfig config = parse("contexts:\n- {name: default, endpoint: 'https://e', api_token: t}\n");
		assertThat(config.currentContextName()).isEqualTo("default");
		assertThat(config.currentContext()).isPresent();
	}

	@Test
	void firstContextOfADuplicatedNameWinsAsInPython() {
		YataiConfig config = parse("contexts:\n- {name: a, endpoint: 'https://1', api_token: t1}\n"
				+ "- {name: a, endpoint: 'https://2', api_token: t2}\ncurrent_context_name: a\n");
		assertThat(config.currentContext()).map(YataiContext::endpoint).hasValue("https://1");
	}

	@Test
	void topLevelListIsAnError() {
		YataiConfigException ex = readFailing("list-top-level.yaml");
		assertThat(ex.getProblem()).contains("top level must be a mapping", "not a list");
		assertThat(ex.getLine()).hasValue(1);
	}

	@Test
	void nullContextsIsAnError() {
		YataiConfigException ex = readFailing("contexts-null.yaml");
		assertThat(ex.getProblem()).contains("'contexts' must be a list", "not null");
		assertThat(ex.getLine()).hasValue(1);
	}

	@Test
	void contextWithoutApiTokenIsAnErrorNamingTheContextAndLine() {
		YataiConfigException ex = readFailing("missing-api-token.yaml");
		assertThat(ex.getProblem()).contains("context 'prod' has no 'api_token'");
		assertThat(ex.getLine()).hasValue(6);
		assertThat(ex.getContextNames()).containsExactly("default", "prod");
		assertThat(ex.getMessage()).startsWith(fixture("missing-api-token.yaml") + ":6: ").doesNotContain("SECRET");
	}

	@Test
	void contextThatIsNotAMappingIsAnError() {
		YataiConfigException ex = assertThatExceptionOfType(YataiConfigException.class)
			.isThrownBy(() -> parse("contexts:\n- just-a-string\n"))
			.actual();
		assertThat(ex.getProblem()).contains("each entry of 'contexts' must be a mapping");
		assertThat(ex.getLine()).hasValue(2);
	}

	@Test
	void nullTokenIsAnErrorNotTheStringNone() {
		YataiConfigException ex = assertThatExceptionOfType(YataiConfigException.class)
			.isThrownBy(() -> parse("contexts:\n- name: a\n  endpoint: https://e\n  api_token: null\n"))
			.actual();
		assertThat(ex.getProblem()).contains("context 'a' has no 'api_token'");
	}

	@Test
	void invalidYamlNamesTheLineWithoutQuotingTheContent() {
		YataiConfigException ex = readFailing("invalid-yaml.yaml");
		assertThat(ex.getProblem()).startsWith("it is not valid YAML").contains("started on line 4");
		assertThat(ex.getLine()).isPresent();
		assertThat(ex.getMessage()).doesNotContain("SECRET").doesNotContain("tok-");
		assertThat(ex.getCause()).isNull();
	}

	@Test
	void aliasesAreNotExpanded() {
		YataiConfig config = read("alias-bomb.yaml");
		assertThat(config.contextNames()).containsExactly("default");
		assertThat(config.raw().path("i").size()).isEqualTo(9);
	}

	@Test
	void tooLargeFileIsAnError() throws IOException {
		Path file = this.dir.resolve(".yatai.yaml");
		Files.writeString(file, "# padding\n".repeat(200));
		YataiConfigException ex = assertThatExceptionOfType(YataiConfigException.class)
			.isThrownBy(() -> new YataiConfigReader(1000).read(file))
			.actual();
		assertThat(ex.getProblem()).contains("larger than 1000 bytes");
	}

	@Test
	void deepNestingIsAnError() {
		String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
		YataiConfigException ex = assertThatExceptionOfType(YataiConfigException.class).isThrownBy(() -> parse(deep))
			.actual();
		assertThat(ex.getProblem()).contains("parser limit");
	}

	@Test
	void directoryIsAnError() {
		YataiConfigException ex = assertThatExceptionOfType(YataiConfigException.class)
			.isThrownBy(() -> this.reader.read(this.dir))
			.actual();
		assertThat(ex.getProblem()).isEqualTo("it is a directory, not a file");
	}

	@Test
	void unreadableFileIsAnError() throws IOException {
		Path file = this.dir.resolve(".yatai.yaml");
		Files.writeString(file, "contexts: []\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		assumeThat(Files.isReadable(file)).as("running as a user who can read anything (root)").isFalse();
		YataiConfigException ex = assertThatExceptionOfType(YataiConfigException.class)
			.isThrownBy(() -> this.reader.read(file))
			.actual();
		assertThat(ex.getProblem()).contains("permission denied");
	}

	@Test
	void toStringNeverPrintsTheToken() {
		YataiConfig config = read("python-several.yaml");
		assertThat(config.toString()).contains("prod", "https://prod.cloud.bentoml.com")
			.doesNotContain("SECRET", "a:b#c", "tök€n");
		assertThat(config.contexts().get(0).toString()).contains("apiToken=******");
	}

	private YataiConfig read(String fixture) {
		return this.reader.read(fixture(fixture)).orElseThrow();
	}

	private YataiConfigException readFailing(String fixture) {
		return assertThatExceptionOfType(YataiConfigException.class).isThrownBy(() -> read(fixture)).actual();
	}

	private YataiConfig parse(String yaml) {
		return this.reader.parse(yaml.getBytes(StandardCharsets.UTF_8), Path.of("test.yaml"));
	}

	/** Copies a fixture to the temp dir, so that tests read real files. */
	private Path fixture(String name) {
		Path file = this.dir.resolve(name);
		if (!Files.exists(file)) {
			try (InputStream in = getClass().getResourceAsStream("/yatai/" + name)) {
				Files.copy(in, file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return file;
	}

}
