package dev.bentocloud.spring.test.service;

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
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.interfaces.BentoInput;
import dev.bentocloud.client.service.interfaces.BentoRoute;
import dev.bentocloud.client.service.interfaces.BentoService;
import dev.bentocloud.client.service.interfaces.BentoServiceProxyFactory;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.ServiceApi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The emulator serves the routes an interface calls, declared by the interface alone, and
 * the interface is checked against a saved {@code schema.json}.
 */
class BentoServiceInterfacesTests {

	private static final Path EXAMPLE_SCHEMA = Path.of("src/test/resources/summarizer-schema.json");

	private BentoCloudEmulator emulator;

	@TempDir
	Path temp;

	@BeforeEach
	void start() {
		this.emulator = BentoCloudEmulator.start();
		this.emulator.seedDeployment("catalog", "catalog:1", false);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@BentoService("catalog")
	interface Catalog {

		String describe(String name, @Nullable Integer maxWords);

		Item lookup(String sku);

		Flux<String> stream(String prompt);

		@BentoRoute("stream")
		Stream<String> streamBlocking(String prompt);

		Mono<Integer> upload(Path file, List<String> tags);

		Path export(String format);

		byte[] thumbnail(String sku);

		@BentoRoute(rootInput = true)
		List<Integer> lengths(List<String> texts);

		BlockingBentoTask reindex(boolean full);

		record Item(String sku, double price) {
		}

	}

	private Catalog catalog() {
		BentoServiceClient client = BentoServiceClientFactory.builder()
			.tempDirectory(this.temp)
			.build()
			.create(URI.create(this.emulator.deploymentUrl("catalog")));
		return BentoServiceProxyFactory.of(client).create(Catalog.class);
	}

	@Test
	void theEmulatorServesTheRoutesTheInterfaceCalls() throws Exception {
		ServiceApi api = BentoServiceInterfaces.emulatorApi(Catalog.class, (route) -> switch (route.name()) {
			case "describe" -> route
				.answer((call) -> call.arguments().get("name") + " in " + call.arguments().get("max_words") + " words");
			case "lookup" -> route.answer((call) -> Map.of("sku", call.arguments().get("sku"), "price", 9.5));
			case "stream" -> route.chunks((call) -> List.of("a", "b", "c").iterator());
			case "upload" -> route.answer((call) -> call.files("file").get(0).content().length);
			case "export" -> route.fileAnswer("export.csv", "text/csv", (call) -> "a,b".getBytes());
			case "thumbnail" -> route.answer(new byte[] { 1, 2, 3 });
			case "lengths" -> route.answer((call) -> ((List<?>) call.arguments().get("texts")).stream()
				.map((t) -> ((String) t).length())
				.toList());
			case "reindex" -> route.answer((call) -> Map.of("full", call.arguments().get("full")));
			default -> route;
		});
		this.emulator.serveApi("catalog", api);
		Catalog catalog = catalog();

		assertThat(catalog.describe("pen", 5)).isEqualTo("pen in 5 words");
		assertThat(catalog.describe("pen", null)).isEqualTo("pen in null words");
		assertThat(catalog.lookup("p-1")).isEqualTo(new Catalog.Item("p-1", 9.5));
		assertThat(catalog.stream("go").collectList().block()).containsExactly("a", "b", "c");
		try (Stream<String> chunks = catalog.streamBlocking("go")) {
			assertThat(chunks).containsExactly("a", "b", "c");
		}
		Path file = Files.write(this.temp.resolve("data.bin"), new byte[] { 1, 2, 3, 4 });
		assertThat(catalog.upload(file, List.of("x")).block()).isEqualTo(4);
		assertThat(Files.readString(catalog.export("csv"), StandardCharsets.UTF_8)).isEqualTo("a,b");
		assertThat(catalog.thumbnail("p-1")).containsExactly(1, 2, 3);
		assertThat(catalog.lengths(List.of("ab", "abc"))).containsExactly(2, 3);
		BlockingBentoTask task = catalog.reindex(true);
		assertThat(task.await(Duration.ofSeconds(10), new ParameterizedTypeReference<Map<String, Object>>() {
		})).containsEntry("full", true);
	}

	@Test
	void theServedSchemaMatchesTheInterface() {
		this.emulator.serveApi("catalog", BentoServiceInterfaces.emulatorApi(Catalog.class));
		BentoServiceClient client = BentoServiceClientFactory.builder()
			.build()
			.create(URI.create(this.emulator.deploymentUrl("catalog")));
		BentoServiceInterfaces.assertMatches(Catalog.class, client.blocking().schema());
		assertThat(client.blocking().schema().routeNames()).containsExactly("describe", "export", "lengths", "lookup",
				"reindex", "stream", "thumbnail", "upload");
	}

	@BentoService("example")
	interface Example {

		String summarize(String text);

		Flux<String> generate(String prompt, @Nullable Integer n);

		Map<String, Object> transcribe(Path audio, @Nullable String language);

	}

	@BentoService("example")
	interface Drifted {

		String summarise(String text);

		Flux<String> generate(@Nullable Integer n);

	}

	@Test
	void anInterfaceIsCheckedAgainstASavedSchema() {
		BentoServiceInterfaces.assertMatches(Example.class, EXAMPLE_SCHEMA);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> BentoServiceInterfaces.assertMatches(Drifted.class, EXAMPLE_SCHEMA))
			.withMessageStartingWith(Drifted.class.getName() + " does not match the schema " + EXAMPLE_SCHEMA + ":")
			.withMessageContaining("Drifted.summarise(String) -> route summarise: the service has no such route; "
					+ "did you mean summarize?")
			.withMessageContaining("Drifted.generate(Integer) -> route generate: the required argument prompt");
	}

	interface Open {

		Map<String, Object> echo(@BentoInput Map<String, Object> arguments);

	}

	@Test
	void aMethodWithOpenArgumentsCannotBeDerived() {
		assertThatIllegalArgumentException().isThrownBy(() -> BentoServiceInterfaces.emulatorApi(Open.class))
			.withMessageContaining("Open.echo(Map) takes a @BentoInput map");
	}

}
