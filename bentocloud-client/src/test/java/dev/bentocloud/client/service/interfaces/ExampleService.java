package dev.bentocloud.client.service.interfaces;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.bentocloud.client.service.BentoTask;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.ServiceFile;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;

/**
 * A hand-written interface of the contract's example service (section 6.1) using every
 * kind of route, blocking and reactive.
 */
@BentoService("example")
interface ExampleService {

	// "summarize": text in, text out
	String summarize(String text);

	@BentoRoute("summarize")
	Mono<String> summarizeLater(String text);

	@BentoRoute("summarize")
	String summarizeRequest(@BentoInput SummaryRequest request);

	@BentoRoute("summarize")
	void summarizeAndForget(String text);

	// "classify": JSON into a record
	Classification classify(List<Double> input);

	@BentoRoute("classify")
	Mono<Classification> classifyLater(List<Double> input);

	// "generate": a stream of text
	Flux<String> generate(String prompt, @Nullable Integer n);

	@BentoRoute("generate")
	Stream<String> generateBlocking(String prompt, @Nullable Integer n);

	// "transcribe": a file in
	Map<String, Object> transcribe(Path audio, @Nullable String language);

	@BentoRoute("transcribe")
	Mono<Map<String, Object>> transcribeResource(Resource audio);

	@BentoRoute("transcribe")
	Map<String, Object> transcribeFile(ServiceFile audio);

	// "render": a file out
	Path render(String text);

	@BentoRoute("render")
	Mono<ServiceFile> renderLater(String text);

	@BentoRoute("render")
	byte[] renderBytes(String text);

	// "embed": the arguments are the root input
	@BentoRoute(rootInput = true)
	List<List<Integer>> embed(List<String> texts);

	// "long_job": a task
	BlockingBentoTask longJob(double seconds);

	@BentoRoute("long_job")
	Mono<BentoTask> longJobLater(double seconds);

	@BentoRoute("long_job")
	BentoTask longJobTask(double seconds);

	// "echo": any arguments
	Map<String, Object> echo(@BentoInput Map<String, Object> arguments);

	default String shout(String text) {
		return summarize(text).toUpperCase(java.util.Locale.ROOT);
	}

	record SummaryRequest(String text) {
	}

	record Classification(String label, double score, int size) {
	}

}
