package dev.bentocloud.spring.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.bentocloud.client.credentials.YataiConfig;
import dev.bentocloud.client.credentials.YataiConfigException;
import dev.bentocloud.client.credentials.YataiConfigReader;
import dev.bentocloud.spring.testsupport.IsolatedEnvironment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.logging.impl.NoOpLog;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property-based tests of hostile {@code .yatai.yaml} files: random and mutated YAML,
 * binary garbage, huge files, deep nesting, alias bombs, and a directory, dangling
 * symlink or unreadable file in the file's place. Every case either parses or fails with
 * a {@link YataiConfigException} naming the file and quoting none of its content, within
 * a few seconds; the environment post-processor turns the failure into an
 * {@link InvalidCredentialsFileException} with a failure analysis, and nothing else.
 */
class HostileCredentialsFilePropertyTests {

	private static final String TOKEN = "SECRET-TOKEN-7f3a9c";

	private static final Duration PER_TRY = Duration.ofSeconds(10);

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static Path dir;

	private final YataiConfigReader reader = new YataiConfigReader();

	@BeforeContainer
	static void createDirectory() throws IOException {
		dir = Files.createTempDirectory("hostile-yatai");
	}

	@AfterContainer
	static void deleteDirectory() {
		try {
			FileSystemUtils.deleteRecursively(dir);
		}
		catch (IOException ex) {
			// a temporary directory: a leftover does no harm
		}
	}

	@Property(tries = 1000)
	void mutatedCredentialsFilesParseOrFailClearly(@ForAll("wellFormed") String yaml,
			@ForAll("mutations") List<Mutation> mutations) {
		byte[] content = yaml.getBytes(StandardCharsets.UTF_8);
		for (Mutation mutation : mutations) {
			content = mutation.apply(content);
		}
		Path file = write(content);
		YataiConfigException ex = readsOrFailsClearly(file, content);
		Statistics.collect((ex != null) ? "clear error" : "parsed");
		postProcessesOrFailsClearly(file, secretsOf(content));
	}

	@Property(tries = 200)
	void wellFormedCredentialsFilesParse(@ForAll("wellFormed") String yaml) {
		Path file = write(yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(this.reader.read(file)).hasValueSatisfying((config) -> assertThat(config.contexts())
			.allSatisfy((context) -> assertThat(context.apiToken()).startsWith(TOKEN)));
		postProcessesOrFailsClearly(file, secretsOf(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Property(tries = 200)
	void binaryGarbageFailsClearly(@ForAll("garbage") byte[] content) {
		Path file = write(content);
		readsOrFailsClearly(file, content);
		postProcessesOrFailsClearly(file, List.of(TOKEN));
	}

	@Property(tries = 5)
	void filesLargerThanTheCapAreRefusedWithoutReadingThemWhole(@ForAll @IntRange(min = 1, max = 8 << 20) int extra) {
		byte[] line = ("# " + TOKEN + " padding padding padding\n").getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[YataiConfigReader.DEFAULT_MAX_SIZE + extra];
		for (int i = 0; i < content.length; i++) {
			content[i] = line[i % line.length];
		}
		Path file = write(content);
		YataiConfigException ex = readsOrFailsClearly(file, content);
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).contains("larger than " + YataiConfigReader.DEFAULT_MAX_SIZE + " bytes");
	}

	@Property(tries = 30)
	void deepNestingIsRefused(@ForAll @IntRange(min = 33, max = 200_000) int depth,
			@ForAll("nestingStyles") int style) {
		String nested = switch (style) {
			case 0 -> "[".repeat(depth) + "]".repeat(depth);
			case 1 -> "{a: ".repeat(depth) + "x" + "}".repeat(depth);
			default -> {
				StringBuilder block = new StringBuilder();
				for (int i = 0; i < Math.min(depth, 600); i++) {
					block.append(" ".repeat(i)).append("k").append(": \n");
				}
				yield block.toString();
			}
		};
		byte[] content = ("contexts:\n- name: default\n  endpoint: https://cloud.bentoml.com\n  api_token: " + TOKEN
				+ "\n  extra: " + nested + "\n")
			.getBytes(StandardCharsets.UTF_8);
		Assume.that(content.length <= YataiConfigReader.DEFAULT_MAX_SIZE);
		YataiConfigException ex = readsOrFailsClearly(write(content), content);
		assertThat(ex).as("nesting of depth %d is refused", depth).isNotNull();
	}

	@Property(tries = 30)
	void aliasBombsAreNotExpanded(@ForAll @IntRange(min = 2, max = 12) int levels,
			@ForAll @IntRange(min = 2, max = 12) int fanOut) {
		StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\"]\n");
		for (int level = 1; level <= levels; level++) {
			List<String> refs = new ArrayList<>();
			for (int i = 0; i < fanOut; i++) {
				refs.add("*a" + (level - 1));
			}
			yaml.append("a")
				.append(level)
				.append(": &a")
				.append(level)
				.append(" [")
				.append(String.join(", ", refs))
				.append("]\n");
		}
		yaml.append("contexts:\n- name: default\n  endpoint: https://cloud.bentoml.com\n  api_token: ")
			.append(TOKEN)
			.append("\n  bomb: *a")
			.append(levels)
			.append("\n");
		byte[] content = yaml.toString().getBytes(StandardCharsets.UTF_8);
		readsOrFailsClearly(write(content), content);
	}

	@Example
	void tokenPastedIntoANameIsMaskedInMessagesAndTheSource() {
		String token = TOKEN + "-pasted";
		byte[] broken = ("contexts:\n- name: " + token + "\n  endpoint: https://cloud.bentoml.com\n"
				+ "- name: default\n  endpoint: https://cloud.bentoml.com\n  api_token: " + token + "\n")
			.getBytes(StandardCharsets.UTF_8);
		YataiConfigException ex = readsOrFailsClearly(write(broken), broken);
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).contains("context '******' has no 'api_token'");
		assertThat(ex.getContextNames()).containsExactly("******", "default");

		byte[] parsed = ("current_context_name: " + token + "\ncontexts:\n- name: " + token
				+ "\n  endpoint: https://cloud.bentoml.com\n  api_token: " + token + "\n")
			.getBytes(StandardCharsets.UTF_8);
		Path file = write(parsed);
		assertThat(postProcessesOrFailsClearly(file, List.of(token))).isNull();
		Path wrongEndpoint = write(
				new String(parsed, StandardCharsets.UTF_8).replace("https://cloud.bentoml.com", "ftp://x")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(postProcessesOrFailsClearly(wrongEndpoint, List.of(token)).getMessage())
			.contains("context '******'");
	}

	@Example
	void directoryInPlaceOfTheFileIsAClearError() throws IOException {
		Path directory = Files.createDirectories(dir.resolve("a-directory.yaml"));
		YataiConfigException ex = readsOrFailsClearly(directory, new byte[0]);
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).contains("it is a directory");
		postProcessesOrFailsClearly(directory, List.of(TOKEN));
	}

	@Example
	void danglingSymlinkIsIgnoredLikeAMissingFile() throws IOException {
		Path link = dir.resolve("dangling.yaml");
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, dir.resolve("does-not-exist"));
		assertThat(assertTimeoutPreemptively(PER_TRY, () -> this.reader.read(link))).isEmpty();
		assertThat(postProcessesOrFailsClearly(link, List.of(TOKEN))).isNull();
	}

	@Example
	void unreadableFileIsAClearError() throws IOException {
		Path file = write(("contexts: []\n# " + TOKEN).getBytes(StandardCharsets.UTF_8));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		// root reads any file whatever its mode, so the case cannot be made where tests
		// run as root
		Assume.that(!Files.isReadable(file));
		YataiConfigException ex = readsOrFailsClearly(file, new byte[0]);
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).contains("permission denied");
	}

	/**
	 * Reads the file within the time bound: a config, or a clear error (returned);
	 * nothing else.
	 */
	private YataiConfigException readsOrFailsClearly(Path file, byte[] content) {
		Object outcome = assertTimeoutPreemptively(PER_TRY, () -> {
			try {
				Optional<YataiConfig> config = this.reader.read(file);
				assertThat(config).isPresent();
				return config.get();
			}
			catch (YataiConfigException ex) {
				return ex;
			}
		});
		if (outcome instanceof YataiConfigException ex) {
			assertThat(ex.getMessage()).startsWith(file.toString());
			for (String secret : secretsOf(content)) {
				assertThat(ex.getMessage()).doesNotContain(secret);
				assertThat(ex.getContextNames()).noneMatch((name) -> name.contains(secret));
			}
			assertThat(ex.getProblem()).isNotBlank();
			return ex;
		}
		return null;
	}

	/**
	 * Runs the environment post-processor on the file: it resolves credentials or throws
	 * an {@link InvalidCredentialsFileException} that the failure analyzer explains
	 * (returned).
	 */
	private static InvalidCredentialsFileException postProcessesOrFailsClearly(Path file, List<String> secrets) {
		StandardEnvironment environment = IsolatedEnvironment.withHome(dir, Map.of(),
				Map.of("bentocloud.config-file", file.toString()));
		// thousands of "no token" warnings say nothing
		DeferredLogFactory logs = (destination) -> new NoOpLog();
		BentoCloudCredentialsEnvironmentPostProcessor processor = new BentoCloudCredentialsEnvironmentPostProcessor(
				logs);
		InvalidCredentialsFileException failure = assertTimeoutPreemptively(PER_TRY, () -> {
			try {
				processor.postProcessEnvironment(environment, new SpringApplication());
				return null;
			}
			catch (InvalidCredentialsFileException ex) {
				return ex;
			}
		});
		if (failure == null) {
			String source = BentoCloudCredentialsSource.from(environment).source();
			assertThat(source).isNotNull();
			secrets.forEach((secret) -> assertThat(source).doesNotContain(secret));
			return null;
		}
		assertThat(failure.getMessage()).contains(file.toString());
		FailureAnalysis analysis = new InvalidCredentialsFileFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(file.toString());
		assertThat(analysis.getAction()).isNotBlank();
		for (String secret : secrets) {
			assertThat(failure.getMessage()).doesNotContain(secret);
			assertThat(analysis.getDescription()).doesNotContain(secret);
			assertThat(analysis.getAction()).doesNotContain(secret);
		}
		return failure;
	}

	/**
	 * The API tokens the file holds: every {@code api_token} value when it parses, else
	 * the recognisable prefix (a file that does not parse is never quoted at all). A
	 * string that a mutation moved out of an {@code api_token} field is no longer a token
	 * of the file.
	 */
	private static List<String> secretsOf(byte[] content) {
		try {
			List<String> secrets = new ArrayList<>();
			YAML.readTree(content).findValues("api_token").forEach((token) -> {
				if (token.isValueNode() && !token.asString().isBlank()) {
					secrets.add(token.asString().strip());
				}
			});
			return secrets;
		}
		catch (RuntimeException ex) {
			return List.of(TOKEN);
		}
	}

	private static Path write(byte[] content) {
		try {
			Path file = Files.createTempFile(dir, "yatai", ".yaml");
			Files.write(file, content);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Provide
	Arbitrary<String> wellFormed() {
		Arbitrary<String> names = Arbitraries.strings()
			.withCharRange(' ', '\uD7FF')
			.withChars('\t', '\n')
			.ofMinLength(1)
			.ofMaxLength(20);
		Arbitrary<String> endpoints = Arbitraries.of("https://cloud.bentoml.com", "https://acme.cloud.bentoml.com",
				"http://localhost:3000", "http://127.0.0.1:8080/", "https://[::1]:8443");
		Arbitrary<String> tokens = Arbitraries.strings().alpha().numeric().ofMaxLength(24).map((s) -> TOKEN + s);
		Arbitrary<Map<String, Object>> context = Combinators
			.combine(names, endpoints, tokens,
					Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20).injectNull(0.3))
			.as((name, endpoint, token, email) -> {
				Map<String, Object> map = new LinkedHashMap<>();
				map.put("name", name);
				map.put("endpoint", endpoint);
				map.put("api_token", token);
				if (email != null) {
					map.put("email", email);
				}
				return map;
			});
		return context.list().ofMaxSize(4).flatMap((contexts) -> {
			List<String> contextNames = contexts.stream().map((c) -> (String) c.get("name")).toList();
			Arbitrary<String> current = contextNames.isEmpty() ? Arbitraries.just("default")
					: Arbitraries.of(contextNames);
			return current.map((name) -> {
				Map<String, Object> root = new LinkedHashMap<>();
				root.put("contexts", contexts);
				root.put("current_context_name", name);
				return YAML.writeValueAsString(root);
			});
		});
	}

	/** A change to the bytes of a file. */
	record Mutation(int kind, int position, int length, byte value) {

		byte[] apply(byte[] content) {
			if (content.length == 0) {
				return new byte[] { this.value };
			}
			int at = Math.floorMod(this.position, content.length);
			int len = Math.min(this.length, content.length - at);
			return switch (this.kind) {
				case 0 -> concat(Arrays.copyOf(content, at), Arrays.copyOfRange(content, at + len, content.length));
				case 1 -> concat(Arrays.copyOf(content, at),
						concat(new byte[] { this.value }, Arrays.copyOfRange(content, at, content.length)));
				case 2 -> {
					byte[] copy = content.clone();
					copy[at] = this.value;
					yield copy;
				}
				case 3 -> concat(Arrays.copyOf(content, at + len), Arrays.copyOfRange(content, at, content.length));
				default -> Arrays.copyOf(content, at); // truncation
			};
		}

		private static byte[] concat(byte[] a, byte[] b) {
			byte[] result = Arrays.copyOf(a, a.length + b.length);
			System.arraycopy(b, 0, result, a.length, b.length);
			return result;
		}

	}

	@Provide
	Arbitrary<List<Mutation>> mutations() {
		Arbitrary<Byte> interesting = Arbitraries.oneOf(Arbitraries
			.of(":", "-", " ", "\n", "\t", "&", "*", "!", "|", ">", "'", "\"", "[", "{", "#", "%", "@", "`", "?", "\\")
			.map((s) -> (byte) s.charAt(0)), Arbitraries.bytes());
		Arbitrary<Mutation> mutation = Combinators
			.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 10_000),
					Arbitraries.integers().between(1, 40), interesting)
			.as(Mutation::new);
		return mutation.list().ofMinSize(1).ofMaxSize(6);
	}

	@Provide
	Arbitrary<byte[]> garbage() {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
	}

	@Provide
	Arbitrary<Integer> nestingStyles() {
		return Arbitraries.integers().between(0, 2);
	}

}
