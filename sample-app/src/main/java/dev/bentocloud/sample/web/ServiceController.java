package dev.bentocloud.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.service.ServiceRoute;
import dev.bentocloud.client.service.ServiceSchema;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls the {@link DemoService demo} BentoML service (profile {@code emulator}: the
 * emulator's example service of deployment {@code demo-iris}):
 * <ul>
 * <li>{@code GET /services/demo/generate?prompt=&n=}: its streaming route relayed as
 * server-sent events, one per chunk, as each arrives;</li>
 * <li>{@code POST /services/demo/transcribe}: a multipart upload (part {@code audio},
 * optional {@code language}) forwarded as a file, answered with the service's JSON;</li>
 * <li>{@code GET /services/demo/summarize?text=}: a plain call answering text;</li>
 * <li>{@code GET /services/demo/schema}: its routes.</li>
 * </ul>
 * Failures become problem details ({@link BentoCloudProblemHandler}).
 */
@RestController
@RequestMapping("/services/" + DemoService.NAME)
public class ServiceController {

	private final DemoService demo;

	public ServiceController(DemoService demo) {
		this.demo = demo;
	}

	@GetMapping(path = "/generate", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<String>> generate(@RequestParam String prompt,
			@RequestParam(required = false) @Nullable Integer n) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("prompt", prompt);
		if (n != null) {
			input.put("n", n); // else the service's default
		}
		return ServerSentEvents.relay("generate", this.demo.stream((client) -> client.stream("generate", input)));
	}

	@PostMapping(path = "/transcribe", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public Mono<JsonNode> transcribe(@RequestPart("audio") FilePart audio,
			@RequestPart(name = "language", required = false) @Nullable String language) {
		return Uploads.forward(audio, (file) -> {
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("audio", file);
			if (language != null && !language.isBlank()) {
				input.put("language", language.strip());
			}
			return this.demo.call((client) -> client.call("transcribe", input, JsonNode.class));
		});
	}

	@GetMapping(path = "/summarize", produces = MediaType.TEXT_PLAIN_VALUE)
	public Mono<String> summarize(@RequestParam String text) {
		return this.demo.call((client) -> client.call("summarize", Map.of("text", text), String.class));
	}

	@GetMapping("/schema")
	public Mono<ServiceSummary> schema() {
		return this.demo.call((client) -> client.schema()).map(ServiceSummary::of);
	}

	/**
	 * What {@code /services/demo/schema} shows of the service.
	 *
	 * @param name the service's name, e.g. {@code ExampleService}
	 * @param routes its routes
	 */
	public record ServiceSummary(String name, List<RouteSummary> routes) {

		static ServiceSummary of(ServiceSchema schema) {
			return new ServiceSummary(schema.name(), schema.routes().stream().map(RouteSummary::of).toList());
		}

	}

	/**
	 * One route of the service.
	 *
	 * @param name its name, e.g. {@code generate}
	 * @param path its path, e.g. {@code /generate}
	 * @param parameters its parameters; a trailing {@code ?} marks an optional one
	 * @param output its output type ({@code string}, {@code object}, {@code file}, ...)
	 * @param stream whether it streams its output
	 * @param task whether it is a task (submit, then poll)
	 * @param doc its documentation
	 */
	public record RouteSummary(String name, String path, List<String> parameters, @Nullable String output,
			boolean stream, boolean task, @Nullable String doc) {

		static RouteSummary of(ServiceRoute route) {
			List<String> parameters = route.parameters()
				.stream()
				.map((parameter) -> route.requiredParameters().contains(parameter) ? parameter : parameter + "?")
				.toList();
			return new RouteSummary(route.name(), route.route(), parameters, route.outputType(), route.stream(),
					route.task(), route.doc());
		}

	}

}
