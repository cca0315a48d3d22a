package dev.bentocloud.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The service of contract section 6.1, "ExampleService", served by deployments without a
 * declared API. Every answer is deterministic so that clients can assert it.
 */
final class ExampleService {

	static final ServiceApi API = create();

	/** The longest a {@code long_job} task runs, whatever {@code seconds} says. */
	static final Duration MAX_JOB = Duration.ofSeconds(60);

	private ExampleService() {
	}

	private static ServiceApi create() {
		return ServiceApi.named("ExampleService")
			.route(ApiRoute.text("summarize")
				.param("text", "string")
				.doc("Answers \"Summary: \" and the first 40 characters of the text.")
				.answer((call) -> "Summary: " + firstCodePoints(text(call, "text"), 40)))
			.route(ApiRoute.json("classify")
				.arrayParam("input", "number")
				.batchable()
				.doc("label by the sign of the sum (positive when >= 0), score = the mean, size = the count")
				.answer(ExampleService::classify))
			.route(ApiRoute.stream("generate")
				.param("prompt", "string")
				.param("n", "integer", 3)
				.doc("Streams n chunks \"token-0 \", \"token-1 \", ...")
				.chunks((call) -> IntStream.range(0, number(call, "n").intValue())
					.mapToObj((i) -> "token-" + i + " ")
					.iterator()))
			.route(ApiRoute.json("transcribe")
				.fileParam("audio")
				.param("language", "string", "en")
				.doc("Describes the uploaded file: filename, content_type, size, sha256 and language")
				.answer(ExampleService::transcribe))
			.route(ApiRoute.file("render")
				.param("text", "string")
				.doc("Answers render.txt (text/plain) holding the text's UTF-8 bytes")
				.fileAnswer("render.txt", "text/plain", (call) -> text(call, "text").getBytes(StandardCharsets.UTF_8)))
			.route(ApiRoute.json("embed")
				.arrayParam("texts", "string")
				.rootInput()
				.outputSchema(
						Map.of("type", "array", "items", Map.of("type", "array", "items", Map.of("type", "number"))))
				.doc("Answers [length, word count] for each text")
				.answer(ExampleService::embed))
			.route(ApiRoute.json("long_job")
				.param("seconds", "number")
				.task()
				.taskDuration(ExampleService::jobDuration)
				.doc("A task that takes the given seconds (at most 60), then answers {done: true, seconds}")
				.answer((call) -> Map.of("done", true, "seconds", argument(call, "seconds"))))
			.route(ApiRoute.json("echo")
				.openInput()
				.doc("Answers {route: echo, input: <the arguments>}")
				.answer((call) -> Map.of("route", "echo", "input", call.arguments())));
	}

	private static Map<String, Object> classify(ServiceCall call) {
		List<?> input = (List<?>) argument(call, "input");
		double sum = 0;
		for (Object value : input) {
			sum += ((Number) value).doubleValue();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("label", (sum >= 0) ? "positive" : "negative");
		answer.put("score", input.isEmpty() ? 0.0 : sum / input.size());
		answer.put("size", input.size());
		return answer;
	}

	private static Map<String, Object> transcribe(ServiceCall call) {
		UploadedFile audio = call.files("audio").get(0);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("filename", audio.filename());
		answer.put("content_type", audio.contentType());
		answer.put("size", audio.content().length);
		answer.put("sha256", sha256(audio.content()));
		answer.put("language", call.arguments().get("language"));
		return answer;
	}

	private static List<List<Integer>> embed(ServiceCall call) {
		List<?> texts = (List<?>) argument(call, "texts");
		return texts.stream().map((text) -> {
			String value = (String) text;
			return List.of(value.length(), value.isBlank() ? 0 : value.strip().split("\\s+").length);
		}).toList();
	}

	private static Duration jobDuration(ServiceCall call) {
		double seconds = number(call, "seconds").doubleValue();
		if (!(seconds > 0)) {
			return Duration.ZERO;
		}
		return (seconds >= MAX_JOB.getSeconds()) ? MAX_JOB : Duration.ofMillis((long) (seconds * 1000));
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(ServiceCall call, String name) {
		return (String) argument(call, name);
	}

	private static Number number(ServiceCall call, String name) {
		return (Number) argument(call, name);
	}

	/** A required argument: validation made sure it is there. */
	private static Object argument(ServiceCall call, String name) {
		return Objects.requireNonNull(call.arguments().get(name), name);
	}

	private static String firstCodePoints(String text, int count) {
		int end = (text.codePointCount(0, text.length()) <= count) ? text.length() : text.offsetByCodePoints(0, count);
		return text.substring(0, end);
	}

}
