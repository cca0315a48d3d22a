package dev.bentocloud.spring.credentials;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.spring.testsupport.IsolatedEnvironment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.logging.Log;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

/**
 * Property-based: whatever a {@code .yatai.yaml} context name, endpoint or selected
 * context holds (escape sequences, C1 controls, bidi overrides, line separators, 100,000+
 * characters), what the credentials post-processor logs and publishes for display, and
 * the failure analysis of a file it cannot use, are free of raw control characters and of
 * overlong lines.
 */
class HostileCredentialsTextPropertyTests {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** One log line: a path, a name and an endpoint, each cut, with the wording. */
	private static final int MAX_LINE = 2500;

	private static Path dir;

	@BeforeContainer
	static void createDirectory() throws IOException {
		dir = Files.createTempDirectory("hostile-yatai-text");
	}

	@AfterContainer
	static void deleteDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(dir);
	}

	@Property(tries = 300)
	void logsReportsAndPublishedTextAreSafe(@ForAll("hostile") String name, @ForAll("hostile") String endpointTail,
			@ForAll("hostile") String requested, @ForAll("tokens") String token, @ForAll boolean selectOther)
			throws IOException {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("name", name);
		context.put("endpoint", "https://cloud.bentoml.com/" + endpointTail);
		context.put("api_token", token);
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("contexts", List.of(context, Map.of("name", requested + "-other", "endpoint",
				"https://cloud.bentoml.com", "api_token", "SECRET-other")));
		root.put("current_context_name", name);
		Path file = Files.createTempFile(dir, "yatai", ".yaml");
		Files.writeString(file, YAML.writeValueAsString(root));

		List<String> logged = new ArrayList<>();
		StandardEnvironment environment = environment(file, selectOther ? requested : null);
		BentoCloudCredentialsEnvironmentPostProcessor processor = new BentoCloudCredentialsEnvironmentPostProcessor(
				(destination) -> recording(logged));
		try {
			processor.postProcessEnvironment(environment, new SpringApplication());
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(environment);
			logged.add(source.source());
			logged.add(String.valueOf(source.searched()));
			logged.add(source.noTokenGuidance());
		}
		catch (InvalidCredentialsFileException ex) {
			FailureAnalysis analysis = new InvalidCredentialsFileFailureAnalyzer().analyze(ex);
			logged.add(ex.getMessage());
			logged.add(analysis.getDescription());
			logged.add(analysis.getAction());
		}
		logged.forEach((text) -> TerminalSafety.assertSafe(text, MAX_LINE));
	}

	private static StandardEnvironment environment(Path file, String context) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bentocloud.config-file", file.toString());
		if (context != null) {
			properties.put("bentocloud.context", context);
		}
		return IsolatedEnvironment.withHome(dir, Map.of(), properties);
	}

	@Provide
	Arbitrary<String> hostile() {
		Arbitrary<Character> nasty = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
				Arbitraries.chars().range('\u007f', '\u009f'), Arbitraries.chars().range('\u202a', '\u202e'),
				Arbitraries.chars().range('\u2066', '\u2069'), Arbitraries.of('\u2028', '\u2029'),
				Arbitraries.chars().range('a', 'z'), Arbitraries.of('[', ';', ' ', '\u00e9', '\u4e2d'));
		Arbitrary<String> shortText = nasty.list()
			.ofMinSize(1)
			.ofMaxSize(40)
			.map(HostileCredentialsTextPropertyTests::join);
		Arbitrary<String> longText = shortText.map((text) -> text + "x".repeat(120_000));
		return Arbitraries.frequencyOf(Tuple.of(9, shortText), Tuple.of(1, longText));
	}

	@Provide
	Arbitrary<String> tokens() {
		return Arbitraries.of("SECRET-token", "");
	}

	private static String join(List<Character> chars) {
		StringBuilder text = new StringBuilder();
		chars.forEach(text::append);
		return text.toString();
	}

	/** A log that keeps every message, at any level. */
	private static Log recording(List<String> messages) {
		return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] { Log.class },
				(proxy, method, args) -> {
					if (method.getName().startsWith("is")) {
						return true;
					}
					if (args != null && args.length > 0) {
						messages.add(String.valueOf(args[0]));
					}
					return null;
				});
	}

}
