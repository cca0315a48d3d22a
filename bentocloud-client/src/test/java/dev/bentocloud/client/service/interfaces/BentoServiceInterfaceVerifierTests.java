package dev.bentocloud.client.service.interfaces;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.bentocloud.client.service.BentoTask;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.ServiceSchema;
import dev.bentocloud.client.service.ServiceSchemaJson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Interfaces checked against a saved schema of the contract's example service: each kind
 * of mismatch is reported with the method, the route and what the service has.
 */
class BentoServiceInterfaceVerifierTests {

	private static final ServiceSchema SCHEMA = ServiceSchemaJson
		.read(Path.of("src/test/resources/service/example-schema.json"));

	interface Matching {

		String summarize(String text, @Nullable Integer maxWords);

		@BentoRoute("/v1/classify")
		Map<String, Object> classify(List<Double> input);

		Flux<String> generate(String prompt, @Nullable Integer n);

		Mono<Map<String, Object>> transcribe(Path audio, @Nullable List<Path> clips, @Nullable String language);

		Path render(String text);

		@BentoRoute(rootInput = true)
		List<List<Double>> embed(List<String> texts);

		BlockingBentoTask longJob(double seconds);

	}

	@Test
	void anInterfaceThatMatchesHasNoMismatch() {
		assertThat(BentoServiceInterfaceVerifier.verify(Matching.class, SCHEMA)).isEmpty();
		BentoServiceInterfaceVerifier.assertMatches(Matching.class, SCHEMA, "the example service");
	}

	interface RenamedRoute {

		String summarise(String text);

	}

	@Test
	void aRenamedRouteIsReportedWithTheClosestNameAndTheRoutes() {
		assertThat(BentoServiceInterfaceVerifier.verify(RenamedRoute.class, SCHEMA)).singleElement()
			.satisfies((mismatch) -> {
				assertThat(mismatch.method().getName()).isEqualTo("summarise");
				assertThat(mismatch.route()).isEqualTo("summarise");
				assertThat(mismatch.describe()).isEqualTo("RenamedRoute.summarise(String) -> route summarise: the "
						+ "service has no such route; did you mean summarize? Its routes are: summarize, classify, "
						+ "generate, transcribe, render, embed, long_job");
			});
	}

	interface MissingArgument {

		Flux<String> generate(@Nullable Integer n);

	}

	@Test
	void aMissingRequiredArgumentIsReported() {
		assertThat(BentoServiceInterfaceVerifier.verify(MissingArgument.class, SCHEMA)).singleElement()
			.satisfies((mismatch) -> assertThat(mismatch.describe())
				.isEqualTo("MissingArgument.generate(Integer) -> route generate: the required argument prompt "
						+ "(string) is not a parameter of the method; add one named prompt "
						+ "(or annotated @BentoParam(\"prompt\"))"));
	}

	interface UnknownArgument {

		String summarize(String text, int maxWord);

	}

	@Test
	void anUnknownArgumentIsReportedWithTheClosestName() {
		assertThat(BentoServiceInterfaceVerifier.verify(UnknownArgument.class, SCHEMA)).singleElement()
			.satisfies((mismatch) -> assertThat(mismatch.problem())
				.isEqualTo("the route has no argument max_word; did you mean max_words? It takes: text (string), "
						+ "max_words (integer)?"));
	}

	interface WrongKinds {

		String generate(String prompt);

		@BentoRoute("summarize")
		Stream<String> summarizeStream(String text);

		Map<String, Object> longJob(double seconds);

		@BentoRoute("render")
		Mono<BentoTask> renderTask(String text);

	}

	@Test
	void streamsAndTasksMustBeUsedAsSuch() {
		assertThat(BentoServiceInterfaceVerifier.verify(WrongKinds.class, SCHEMA))
			.extracting(BentoServiceMismatch::describe)
			.containsExactly(
					"WrongKinds.generate(String) -> route generate: the route streams its answer; return "
							+ "Flux<String> or Stream<String> (or Flux<T> and Stream<T> of JSON values)",
					"WrongKinds.longJob(double) -> route long_job: the route is a task (@bentoml.task); return "
							+ "BentoTask, Mono<BentoTask> or BlockingBentoTask to submit it",
					"WrongKinds.renderTask(String) -> route render: the route is not a task (@bentoml.task), so it "
							+ "cannot be submitted; return its result instead of a task",
					"WrongKinds.summarizeStream(String) -> route summarize: the route does not stream its answer "
							+ "(its output is {type=string}); return the value or a Mono of it");
	}

	interface WrongFilesAndOutputs {

		Map<String, Object> transcribe(String audio);

		@BentoRoute("summarize")
		String summarizeFile(Path text);

		String render(String text);

		@BentoRoute("summarize")
		Map<String, Object> summarizeJson(String text);

		@BentoRoute("v1/classify")
		Path classifyFile(List<Double> input);

	}

	@Test
	void filesAndTextMustBeDeclaredAsSuch() {
		assertThat(BentoServiceInterfaceVerifier.verify(WrongFilesAndOutputs.class, SCHEMA))
			.extracting(BentoServiceMismatch::problem)
			.containsExactly("the route answers object, not a file; read it as a record, Map, List or value, not Path",
					"the route answers a file ({type=file}); read it as Path, Resource, ServiceFile or byte[], not "
							+ "String",
					"the argument text is string, not a file; declare it as such, not java.nio.file.Path",
					"the route answers text (a Python str); read it as String, not Map",
					"the argument audio is a file; declare it as Path, Resource, ServiceFile or File (a list of them "
							+ "for a list of files), not java.lang.String");
	}

	interface RootInputs {

		@BentoRoute("embed")
		List<Object> embedTwo(List<String> texts, int extra);

		@BentoRoute(value = "summarize", rootInput = true)
		String summarizeRoot(String text);

	}

	@Test
	void rootInputsTakeOneParameter() {
		assertThat(BentoServiceInterfaceVerifier.verify(RootInputs.class, SCHEMA))
			.extracting(BentoServiceMismatch::problem)
			.containsExactly(
					"the route takes a single root input (the request body itself), so the method takes exactly one "
							+ "parameter",
					"the method declares a root input, but the route takes named arguments: text (string), "
							+ "max_words (integer)?");
	}

	@Test
	void assertMatchesThrowsWithEveryMismatch() {
		assertThatExceptionOfType(BentoServiceInterfaceMismatchException.class)
			.isThrownBy(() -> BentoServiceInterfaceVerifier.assertMatches(WrongKinds.class, SCHEMA, "the service x"))
			.satisfies((ex) -> {
				assertThat(ex.getServiceInterface()).isEqualTo(WrongKinds.class);
				assertThat(ex.getService()).isEqualTo("the service x");
				assertThat(ex.getMismatches()).hasSize(4);
			})
			.withMessageStartingWith(WrongKinds.class.getName() + " does not match the service x (4 mismatches):")
			.withMessageContaining("    - WrongKinds.generate(String) -> route generate: the route streams");
	}

	interface Unsupported {

		Optional<String> summarize(String text);

		Flux<BentoTask> longJob(double seconds);

		@SuppressWarnings("rawtypes")
		Mono classify();

		String render(@BentoInput Map<String, Object> input, String more);

		@BentoRoute(rootInput = true)
		String embed(String one, String two);

		String echo(String text, @BentoParam("text") String other);

	}

	@Test
	void methodsThatCannotCallARouteAreAllNamed() {
		assertThatIllegalStateException().isThrownBy(() -> ServiceInterface.of(Unsupported.class))
			.withMessageStartingWith(Unsupported.class.getName() + " cannot call a BentoML service:")
			.withMessageContaining("Unsupported.summarize(String): it returns Optional, which is not supported")
			.withMessageContaining("Unsupported.longJob(double): a task is submitted once; return Mono<BentoTask>")
			.withMessageContaining("Unsupported.classify(): its Mono has no element type")
			.withMessageContaining("Unsupported.render(Map, String): a @BentoInput parameter is the whole input")
			.withMessageContaining("Unsupported.embed(String, String): a root input")
			.withMessageContaining("Unsupported.echo(String, String): two parameters are sent as the argument 'text'");
	}

	@Test
	void onlyInterfacesDescribeServices() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceInterface.of(String.class))
			.withMessageContaining("java.lang.String is not an interface");
	}

	record Options(String text, @BentoParam("max_words") int limit) {
	}

	interface Described {

		@BentoRoute("summarize")
		String summarize(@BentoInput Options options);

		default String twice(String text) {
			return text + text;
		}

	}

	@Test
	void aRecordInputSendsItsComponentsAndDefaultMethodsAreNotRoutes() throws Exception {
		ServiceInterface described = ServiceInterface.of(Described.class);
		assertThat(described.methods()).singleElement().satisfies((method) -> {
			assertThat(method.kind()).isEqualTo(ServiceMethod.Kind.CALL);
			assertThat(method.reactive()).isFalse();
			assertThat(method.arguments()).extracting(ServiceArgument::name).containsExactly("text", "max_words");
			assertThat(method.input(new Object[] { new Options("t", 5) })).containsExactly(Map.entry("text", "t"),
					Map.entry("max_words", 5));
		});
		assertThat(described.method(Described.class.getMethod("twice", String.class))).isEmpty();
		assertThat(BentoServiceInterfaceVerifier.verify(Described.class, SCHEMA)).isEmpty();
	}

}
