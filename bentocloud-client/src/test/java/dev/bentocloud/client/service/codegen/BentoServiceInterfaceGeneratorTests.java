package dev.bentocloud.client.service.codegen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.BentoTask;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.ServiceSchema;
import dev.bentocloud.client.service.ServiceSchemaJson;
import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceVerifier;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.ServiceApi;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The interface generated from the example service's schema (contract section 6.1), as
 * the emulator serves it, compiles and calls every route of the emulator; records are
 * generated for pydantic models; the command line writes the file.
 */
class BentoServiceInterfaceGeneratorTests {

	private static final Path EXAMPLE_SCHEMA = Path.of("src/test/resources/codegen/example-service-schema.json");

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@TempDir
	Path temp;

	@BeforeEach
	void seed() {
		emulator.get().reset();
		emulator.get().seedDeployment("example", "example:1", false);
	}

	private BentoServiceClient client(String deployment) {
		return BentoServiceClientFactory.builder()
			.tempDirectory(this.temp)
			.build()
			.create(URI.create(emulator.get().deploymentUrl(deployment)));
	}

	@Test
	void theSavedSchemaIsTheOneTheEmulatorServes() {
		assertThat(client("example").blocking().schema()).isEqualTo(ServiceSchemaJson.read(EXAMPLE_SCHEMA));
	}

	@Test
	void theExampleServiceInterfaceCompilesAndCallsEveryRoute() throws Exception {
		BentoServiceClient client = client("example");
		ServiceSchema schema = client.blocking().schema();
		String source = BentoServiceInterfaceGenerator.of("generated.example", "ExampleService")
			.serviceName("example")
			.generate(schema);
		assertThat(source).isEqualTo(Files.readString(Path.of("src/test/resources/codegen/ExampleService.java.txt")));
		Class<?> type = GeneratedSources.compile(this.temp, "generated.example.ExampleService", source);
		assertThat(BentoServiceInterfaceVerifier.verify(type, schema)).isEmpty();
		Object service = BentoServiceProxyFactory.of(client).create(type);

		assertThat(this.<Object>call(service, "summarize", "generated")).isEqualTo("Summary: generated");
		assertThat(this.<Object>call(service, "classify", List.of(1.0, 3.0)))
			.isEqualTo(Map.of("label", "positive", "score", 2.0, "size", 2));
		try (Stream<Object> chunks = call(service, "generate", "go", 2)) {
			assertThat(chunks).containsExactly("token-0 ", "token-1 ");
		}
		try (Stream<Object> chunks = call(service, "generate", "go", null)) {
			assertThat(chunks).hasSize(3);
		}
		Path audio = Files.write(this.temp.resolve("a.wav"), new byte[] { 1, 2 });
		assertThat(this.<Map<String, Object>>call(service, "transcribe", audio, null)).containsEntry("size", 2)
			.containsEntry("language", "en");
		assertThat(Files.readString(this.<Path>call(service, "render", "file"))).isEqualTo("file");
		assertThat(this.<Object>call(service, "embed", List.of("a b c"))).isEqualTo(List.of(List.of(5.0, 3.0)));
		BlockingBentoTask job = call(service, "longJob", 0.1);
		assertThat(job.await(Duration.ofSeconds(10), new ParameterizedTypeReference<Map<String, Object>>() {
		})).containsEntry("done", true);
		assertThat(this.<Map<String, Object>>call(service, "echo", Map.of("a", "b"))).containsEntry("input",
				Map.of("a", "b"));
	}

	@Test
	void aReactiveInterfaceCompilesAndCallsTheEmulator() throws Exception {
		BentoServiceClient client = client("example");
		String source = BentoServiceInterfaceGenerator.of("generated.reactive", "Example")
			.reactive(true)
			.generate(client.blocking().schema());
		assertThat(source).contains("Mono<String> summarize(String text);")
			.contains("Flux<String> generate(String prompt, @Nullable Integer n);")
			.contains("Mono<BentoTask> longJob(double seconds);")
			.contains("@BentoService(\"example-service\")");
		Class<?> type = GeneratedSources.compile(this.temp, "generated.reactive.Example", source);
		Object service = BentoServiceProxyFactory.of(client).create(type);
		assertThat(this.<Mono<String>>call(service, "summarize", "later").block()).isEqualTo("Summary: later");
		assertThat(this.<Flux<String>>call(service, "generate", "go", 1).collectList().block())
			.containsExactly("token-0 ");
		BentoTask task = this.<Mono<BentoTask>>call(service, "longJob", 0.1).block();
		assertThat(task.blocking().awaitFinished(Duration.ofSeconds(10)).state().name()).isEqualTo("COMPLETED");
	}

	@Test
	void pydanticModelsBecomeRecords() throws Exception {
		ServiceSchema schema = ServiceSchemaJson.read(Path.of("src/test/resources/codegen/scorer-schema.json"));
		String source = BentoServiceInterfaceGenerator.of("generated.scorer", "Scorer").generate(schema);
		assertThat(source).contains("ScoreResult score(Item item, @Nullable Double threshold);")
			.contains("record Item(String name, @JsonProperty(\"unit_price\") double unitPrice, "
					+ "@Nullable List<String> tags)")
			.contains("record ScoreResult(String label, double score, @Nullable List<Reason> reasons)")
			.contains("record Reason(int code, String text)")
			.contains("@BentoRoute(\"class\")\n\tbyte[] class_(@BentoParam(\"default\") boolean default_, "
					+ "@BentoParam(\"maxWords\") int maxWords);");
		Class<?> type = GeneratedSources.compile(this.temp, "generated.scorer.Scorer", source);

		BentoCloudEmulator server = emulator.get();
		server.seedDeployment("scorer", "scorer:1", false);
		server.serveApi("scorer", ServiceApi.named("Scorer")
			.route(ApiRoute.json("score").param("item", "object").param("threshold", "number", 0.5).answer((call) -> {
				Map<?, ?> item = (Map<?, ?>) call.arguments().get("item");
				return Map.of("label", item.get("name") + "@" + item.get("unit_price"), "score",
						call.arguments().get("threshold"), "reasons", List.of(Map.of("code", 7, "text", "ok")));
			})));
		Class<?> itemType = type.getClassLoader().loadClass("generated.scorer.Scorer$Item");
		Object item = itemType.getDeclaredConstructors()[0].newInstance("pen", 2.5, null);
		Object service = BentoServiceProxyFactory.of(client("scorer")).create(type);
		Object result = call(service, "score", item, null);
		assertThat(result.getClass().getSimpleName()).isEqualTo("ScoreResult");
		assertThat(result.toString())
			.isEqualTo("ScoreResult[label=pen@2.5, score=0.5, reasons=[Reason[code=7, text=ok]]]");
	}

	@Test
	void theCommandLineWritesTheInterfaceUnderTheSourceRoot() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = BentoServiceInterfaceGenerator.run(new String[] { EXAMPLE_SCHEMA.toString(), "com.acme.ml",
				"ExampleService", this.temp.toString(), "--service", "example" }, print(out), print(err));
		Path written = this.temp.resolve("com/acme/ml/ExampleService.java");
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote " + written + " (8 routes of ExampleService)");
		assertThat(Files.readString(written)).startsWith("package com.acme.ml;").contains("@BentoService(\"example\")");
	}

	@Test
	void theCommandLineExplainsItsUsage() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(BentoServiceInterfaceGenerator.run(new String[] { "schema.json" },
				print(new ByteArrayOutputStream()), print(err)))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Expected 4 arguments, got 1")
			.contains("Usage: BentoServiceInterfaceGenerator <schema.json>");
		assertThat(BentoServiceInterfaceGenerator.run(new String[] { "missing.json", "a", "B", "out" },
				print(new ByteArrayOutputStream()), print(err)))
			.isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read the service schema missing.json");
		assertThatIllegalArgumentException().isThrownBy(() -> BentoServiceInterfaceGenerator.of("a.b", "class"))
			.withMessage("'class' is not a Java type name");
	}

	@Test
	void theDocsShowAnExcerptOfTheGeneratedInterface() throws Exception {
		String doc = Files.readString(Path.of("../docs/typed-service-interfaces.md"));
		int section = doc.indexOf("## Generating an interface");
		int start = doc.indexOf("```java", section) + 7;
		String excerpt = doc.substring(start, doc.indexOf("```", start));
		String generated = normalize(Files.readString(Path.of("src/test/resources/codegen/ExampleService.java.txt")));
		for (String line : excerpt.split("\n")) {
			assertThat(generated).as("docs line: " + line).contains(normalize(line));
		}
	}

	private static String normalize(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private <T> T call(Object service, String name, @Nullable Object... args) throws Exception {
		for (Method method : service.getClass().getInterfaces()[0].getMethods()) {
			if (method.getName().equals(name)) {
				return (T) method.invoke(service, args);
			}
		}
		throw new IllegalArgumentException("No method " + name);
	}

}
