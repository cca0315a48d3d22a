package dev.bentocloud.client.service.interfaces;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.client.service.BentoServiceClientFactory;
import dev.bentocloud.client.service.BentoTask;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.InvalidServiceCallException;
import dev.bentocloud.client.service.ServiceFile;
import dev.bentocloud.client.service.TaskState;
import dev.bentocloud.client.service.interfaces.ExampleService.Classification;
import dev.bentocloud.client.service.interfaces.ExampleService.SummaryRequest;
import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.ServiceApi;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A typed interface of the contract's example service calls every kind of route of the
 * emulator's service through a proxy, blocking and reactive, on both connectors.
 */
class BentoServiceProxyEndToEndTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	@TempDir
	Path temp;

	@BeforeEach
	void seed() {
		BentoCloudEmulator server = emulator.get();
		server.reset();
		server.seedDeployment("example", "example:1", false);
		server.seedDeployment("events", "events:1", false);
		server.serveApi("events",
				ServiceApi.named("Events")
					.route(ApiRoute.stream("events")
						.param("n", "integer")
						.chunks((call) -> Stream.iterate(0, (i) -> i + 1)
							.limit(((Number) call.arguments().get("n")).intValue())
							.map((i) -> "{\"index\": " + i + ", \"name\": \"event-" + i + "\"}\n")
							.iterator())));
	}

	private BentoServiceClient client(BentoCloudConnectorFactory connectors, String deployment) {
		return BentoServiceClientFactory.builder()
			.connectorFactory(connectors)
			.tempDirectory(this.temp)
			.build()
			.create(URI.create(emulator.get().deploymentUrl(deployment)));
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void everyKindOfRouteBlocking(BentoCloudConnectorFactory connectors) throws Exception {
		ExampleService example = BentoServiceProxyFactory.of(client(connectors, "example"))
			.create(ExampleService.class);

		assertThat(example.summarize("BentoML services as Java interfaces"))
			.isEqualTo("Summary: BentoML services as Java interfaces");
		assertThat(example.summarizeRequest(new SummaryRequest("a record input"))).isEqualTo("Summary: a record input");
		example.summarizeAndForget("discarded");
		assertThat(example.shout("loud")).isEqualTo("SUMMARY: LOUD");

		assertThat(example.classify(List.of(1.0, 2.0, -0.5))).isEqualTo(new Classification("positive", 2.5 / 3, 3));

		try (Stream<String> chunks = example.generateBlocking("hi", 4)) {
			assertThat(String.join("", chunks.toList())).isEqualTo("token-0 token-1 token-2 token-3 ");
		}
		// no n: the service's default n = 3
		try (Stream<String> chunks = example.generateBlocking("hi", null)) {
			assertThat(chunks.toList()).hasSize(3);
		}

		byte[] audio = { 0, (byte) 0xFF, 10, 13 };
		Path wav = Files.write(this.temp.resolve("clip.wav"), audio);
		assertThat(example.transcribe(wav, "fr")).containsEntry("filename", "clip.wav")
			.containsEntry("size", audio.length)
			.containsEntry("language", "fr");
		assertThat(example.transcribe(wav, null)).containsEntry("language", "en");
		assertThat(example.transcribeFile(ServiceFile.of(audio, "memo.ogg"))).containsEntry("filename", "memo.ogg")
			.containsEntry("content_type", "audio/ogg");

		Path rendered = example.render("héllo");
		assertThat(rendered.getFileName()).hasToString("render.txt");
		assertThat(Files.readString(rendered, StandardCharsets.UTF_8)).isEqualTo("héllo");
		assertThat(example.renderBytes("bytes")).isEqualTo("bytes".getBytes(StandardCharsets.UTF_8));

		assertThat(example.embed(List.of("a b", "c"))).containsExactly(List.of(3, 2), List.of(1, 1));

		BlockingBentoTask job = example.longJob(0.2);
		assertThat(job.route()).isEqualTo("long_job");
		assertThat(job.await(Duration.ofSeconds(10), JSON)).containsEntry("done", true);
		assertThat(job.status().state()).isEqualTo(TaskState.COMPLETED);
		BentoTask submitted = example.longJobTask(0.1);
		assertThat(submitted.blocking().await(Duration.ofSeconds(10), JSON)).containsEntry("seconds", 0.1);

		assertThat(example.echo(Map.of("anything", 1))).containsEntry("input", Map.of("anything", 1));
	}

	@ParameterizedTest
	@MethodSource("dev.bentocloud.client.service.ServiceTestSupport#connectors")
	void everyKindOfRouteReactive(BentoCloudConnectorFactory connectors) throws Exception {
		ExampleService example = BentoServiceProxyFactory.of(client(connectors, "example"))
			.create(ExampleService.class);

		StepVerifier.create(example.summarizeLater("reactive")).expectNext("Summary: reactive").verifyComplete();
		StepVerifier.create(example.classifyLater(List.of(-1.0)))
			.expectNext(new Classification("negative", -1.0, 1))
			.verifyComplete();
		StepVerifier.create(example.generate("go", 2)).expectNext("token-0 ", "token-1 ").verifyComplete();
		ClassPathResource resource = new ClassPathResource("service/example-schema.json");
		StepVerifier.create(example.transcribeResource(resource))
			.assertNext((heard) -> assertThat(heard).containsEntry("filename", "example-schema.json"))
			.verifyComplete();
		StepVerifier.create(example.renderLater("file"))
			.assertNext((file) -> assertThat(file.filename()).isEqualTo("render.txt"))
			.verifyComplete();
		StepVerifier.create(example.longJobLater(0.1).flatMap((task) -> task.await(Duration.ofSeconds(10), JSON)))
			.assertNext((done) -> assertThat(done).containsEntry("done", true))
			.verifyComplete();
	}

	interface Events {

		Flux<Event> events(int n);

		@BentoRoute("events")
		Stream<Event> eventsBlocking(int n);

		@BentoRoute("events")
		Flux<String> eventText(int n);

		record Event(int index, String name) {
		}

	}

	@Test
	void jsonStreams() {
		Events events = BentoServiceProxyFactory.of(client(BentoCloudConnectorFactory.detect(), "events"))
			.create(Events.class);
		StepVerifier.create(events.events(2))
			.expectNext(new Events.Event(0, "event-0"), new Events.Event(1, "event-1"))
			.verifyComplete();
		try (Stream<Events.Event> blocking = events.eventsBlocking(3)) {
			assertThat(blocking.map(Events.Event::name)).containsExactly("event-0", "event-1", "event-2");
		}
		assertThat(String.join("", events.eventText(1).collectList().block())).contains("event-0");
	}

	@Test
	void theInterfaceMatchesTheLiveSchema() {
		BentoServiceClient client = client(BentoCloudConnectorFactory.detect(), "example");
		assertThat(BentoServiceInterfaceVerifier.verify(ExampleService.class, client.blocking().schema())).isEmpty();
	}

	interface Misnamed {

		String summarise(String text);

	}

	@Test
	void aCallTheSchemaRejectsFailsBeforeSending() {
		Misnamed misnamed = BentoServiceProxyFactory.of(client(BentoCloudConnectorFactory.detect(), "example"))
			.create(Misnamed.class);
		assertThatExceptionOfType(InvalidServiceCallException.class).isThrownBy(() -> misnamed.summarise("x"))
			.withMessageContaining("No route 'summarise'");
	}

	@Test
	void proxiesAreEqualOnlyToThemselvesAndNameTheirInterfaceAndService() {
		BentoServiceClient client = client(BentoCloudConnectorFactory.detect(), "example");
		BentoServiceProxyFactory factory = BentoServiceProxyFactory.of(client);
		ExampleService one = factory.create(ExampleService.class);
		ExampleService other = factory.create(ExampleService.class);
		assertThat(one).isEqualTo(one).isNotEqualTo(other).isNotEqualTo(null).isNotEqualTo("example");
		assertThat(one.hashCode()).isEqualTo(one.hashCode()).isEqualTo(System.identityHashCode(one));
		assertThat(one.toString()).contains(ExampleService.class.getName())
			.contains(emulator.get().deploymentUrl("example"));
		assertThat(BentoServiceProxyFactory.clientOf(one)).isSameAs(client);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> BentoServiceProxyFactory.clientOf("not a proxy"));
	}

}
