package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link YataiConfigWriter}: BentoML's exact format, unknown keys, file modes, atomic
 * replacement and concurrent writers (threads and processes).
 */
class YataiConfigWriterTests {

	private final YataiConfigReader reader = new YataiConfigReader();

	private final YataiConfigWriter writer = new YataiConfigWriter();

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "python-default.yaml", "python-several.yaml", "python-with-unknown-keys.yaml" })
	void rewritesPythonOutputByteForByte(String fixture) throws IOException {
		String original = fixture(fixture);
		YataiConfig config = this.reader.parse(original.getBytes(StandardCharsets.UTF_8), Path.of(fixture));
		assertThat(this.writer.toYaml(config)).isEqualTo(original);
	}

	@Test
	void writesTheContractExampleForANewFile() throws IOException {
		Path file = this.dir.resolve(".yatai.yaml");
		this.writer.saveContext(file, new YataiContext("default", "https://cloud.bentoml.com", "tok-aaa", null), false);
		assertThat(Files.readString(file)).isEqualTo("""
				contexts:
				- api_token: tok-aaa
				  email: null
				  endpoint: https://cloud.bentoml.com
				  name: default
				current_context_name: default
				""");
	}

	@Test
	void savingAContextKeepsOtherContextsAndUnknownKeys() throws IOException {
		Path file = copy("python-with-unknown-keys.yaml");
		this.writer.saveContext(file,
				new YataiContext("default", "https://new.cloud.bentoml.com", "tok-SECRET-new", "me@example.com"),
				false);
		this.writer.saveContext(file, new YataiContext("staging", "https://stg.example.com", "tok-stg", null), false);
		String expected = fixture("python-with-unknown-keys.yaml").replace("""
				- api_token: tok-SECRET-default
				  email: null
				  endpoint: https://cloud.bentoml.com
				""", """
				- api_token: tok-SECRET-new
				  email: me@example.com
				  endpoint: https://new.cloud.bentoml.com
				""").replace("""
				  name: prod
				""", """
				  name: prod
				- api_token: tok-stg
				  email: null
				  endpoint: https://stg.example.com
				  name: staging
				""");
		assertThat(Files.readString(file)).isEqualTo(expected);
		YataiConfig config = this.reader.read(file).orElseThrow();
		assertThat(config.contextNames()).containsExactly("default", "prod", "staging");
		assertThat(config.currentContextName()).isEqualTo("prod");
		assertThat(config.raw().at("/contexts/0/x_flags/quota").asInt()).isEqualTo(3);
		assertThat(config.raw().at("/future_option/note").asString()).isEqualTo("kept as is");
	}

	@Test
	void switchingTheCurrentContext() throws IOException {
		Path file = copy("python-several.yaml");
		this.writer.update(file, (config) -> config.withCurrentContextName("quoted"));
		assertThat(Files.readString(file)).isEqualTo(
				fixture("python-several.yaml").replace("current_context_name: prod", "current_context_name: quoted"));
	}

	@Test
	void quotesStringsThatPyYamlWouldReadAsSomethingElse() {
		YataiConfig config = YataiConfig.empty();
		for (String name : List.of("yes", "off", "0777", "1:20", "12", "1.5", "null", "", "2024-01-01", "~", "<<",
				"plain-name")) {
			config = config.withContext(new YataiContext(name, "https://cloud.bentoml.com", "t", null));
		}
		String yaml = this.writer.toYaml(config);
		assertThat(yaml).contains("name: 'yes'", "name: 'off'", "name: '0777'", "name: '1:20'", "name: '12'",
				"name: '1.5'", "name: 'null'", "name: ''", "name: '2024-01-01'", "name: '~'", "name: '<<'",
				"name: plain-name");
		YataiConfig reread = this.reader.parse(yaml.getBytes(StandardCharsets.UTF_8), Path.of("x"));
		assertThat(reread.contexts()).isEqualTo(config.contexts());
	}

	@Test
	void neverWritesTheEnvironmentContext() {
		Path file = this.dir.resolve(".yatai.yaml");
		YataiContext env = new YataiContext(YataiConfigWriter.ENV_CONTEXT_NAME, "https://cloud.bentoml.com", "t", null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.saveContext(file, env, false));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.update(file, (config) -> config.withCurrentContextName("__env__")));
		assertThat(file).doesNotExist();
	}

	@Test
	void anEnvironmentContextThatPythonWroteIsKeptButNeverChanged() throws IOException {
		// BentoML's get_email() appends __env__
		// (with the environment's token) to the file.
		String python = """
				contexts:
				- api_token: tok-env
				  email: me@example.com
				  endpoint: https://cloud.bentoml.com
				  name: __env__
				current_context_name: default
				""";
		Path file = this.dir.resolve(".yatai.yaml");
		Files.writeString(file, python);
		this.writer.saveContext(file, new YataiContext("default", "https://cloud.bentoml.com", "tok-a", null), false);
		assertThat(Files.readString(file)).isEqualTo("""
				contexts:
				- api_token: tok-env
				  email: me@example.com
				  endpoint: https://cloud.bentoml.com
				  name: __env__
				- api_token: tok-a
				  email: null
				  endpoint: https://cloud.bentoml.com
				  name: default
				current_context_name: default
				""");
		byte[] before = Files.readAllBytes(file);
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.update(file, (config) -> config
			.withContext(new YataiContext("__env__", "https://cloud.bentoml.com", "tok-new", null))));
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
	}

	@Test
	void aBrokenFileIsLeftAlone() throws IOException {
		Path file = this.dir.resolve(".yatai.yaml");
		Files.writeString(file, "contexts: [\n");
		byte[] before = Files.readAllBytes(file);
		assertThatExceptionOfType(YataiConfigException.class).isThrownBy(() -> this.writer.saveContext(file,
				new YataiContext("default", "https://cloud.bentoml.com", "t", null), false));
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
	}

	@Test
	void aFailingChangeLeavesTheFileByteIdentical() throws IOException {
		Path file = copy("python-with-unknown-keys.yaml");
		byte[] before = Files.readAllBytes(file);
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.update(file, (config) -> {
			throw new IllegalArgumentException("no");
		}));
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
		assertThat(tempFiles()).isEmpty();
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void fileIs0600AndCreatedFoldersAre0700() throws IOException {
		Path file = this.dir.resolve("home/bentoml/.yatai.yaml");
		this.writer.saveContext(file, new YataiContext("default", "https://cloud.bentoml.com", "t", null), false);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir))).isNotEqualTo("---------");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void aWorldReadableFileFromPythonBecomes0600() throws IOException {
		Path file = copy("python-default.yaml");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		this.writer.update(file, (config) -> config.withCurrentContextName("other"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void replacesTheFileAtomicallyWithoutLeftovers() throws IOException {
		Path file = copy("python-default.yaml");
		Object before = Files.readAttributes(file, "unix:ino").get("ino");
		this.writer.saveContext(file, new YataiContext("prod", "https://p.example.com", "t2", null), false);
		Object after = Files.readAttributes(file, "unix:ino").get("ino");
		assertThat(after).as("a new file was renamed over the old one").isNotEqualTo(before);
		assertThat(tempFiles()).isEmpty();
		assertThat(this.dir.resolve(".yatai.yaml.lock")).exists();
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void writesThroughASymbolicLink() throws IOException {
		Path real = copy("python-default.yaml");
		Path linkFolder = Files.createDirectories(this.dir.resolve("link"));
		Path link = Files.createSymbolicLink(linkFolder.resolve(".yatai.yaml"), real);
		this.writer.saveContext(link, new YataiContext("prod", "https://p.example.com", "t2", null), false);
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(this.reader.read(real).orElseThrow().contextNames()).containsExactly("default", "prod");
	}

	@Test
	void concurrentLoginsFromThreadsLoseNoContext() throws Exception {
		Path file = copy("python-with-unknown-keys.yaml");
		int threads = 4;
		int perThread = 15;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			String prefix = "thread" + t + "-";
			futures.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					this.writer.saveContext(file,
							new YataiContext(prefix + i, "https://cloud.bentoml.com", "tok-" + prefix + i, null),
							false);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		executor.shutdown();
		YataiConfig config = this.reader.read(file).orElseThrow();
		assertThat(config.contexts()).hasSize(2 + threads * perThread);
		for (int t = 0; t < threads; t++) {
			for (int i = 0; i < perThread; i++) {
				assertThat(config.context("thread" + t + "-" + i)).isPresent();
			}
		}
		assertThat(config.raw().at("/future_option/note").asString()).isEqualTo("kept as is");
	}

	@Test
	void concurrentLoginsFromTwoProcessesLoseNoContext() throws Exception {
		Path file = copy("python-default.yaml");
		int perProcess = 25;
		List<Process> processes = new ArrayList<>();
		for (String prefix : List.of("jvm-a-", "jvm-b-")) {
			processes.add(childJvm(YataiConfigWriterChild.class, file.toString(), prefix, String.valueOf(perProcess)));
		}
		for (Process process : processes) {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
		}
		YataiConfig config = this.reader.read(file).orElseThrow();
		assertThat(config.contexts()).hasSize(1 + 2 * perProcess);
		for (String prefix : List.of("jvm-a-", "jvm-b-")) {
			for (int i = 0; i < perProcess; i++) {
				assertThat(config.context(prefix + i)).as(prefix + i).isPresent();
			}
		}
	}

	static Process childJvm(Class<?> main, String... args) throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
						"-XX:TieredStopAtLevel=1", "-cp", classpath, main.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private List<Path> tempFiles() throws IOException {
		try (var files = Files.list(this.dir)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(".tmp")).toList();
		}
	}

	private Path copy(String fixture) throws IOException {
		Path file = this.dir.resolve(".yatai.yaml");
		Files.writeString(file, fixture(fixture));
		return file;
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = YataiConfigWriterTests.class.getResourceAsStream("/yatai/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
