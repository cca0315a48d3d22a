package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.bentocloud.client.BentoCloudMalformedResponseException;
import dev.bentocloud.client.support.Durations;
import dev.bentocloud.client.support.LateErrors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A client of one service URL on a {@link WebClient} whose connector adds the token.
 * Views made by {@link #withCallTimeout(Duration)} share its connections and schema.
 */
final class DefaultBentoServiceClient implements BentoServiceClient, TaskRequests {

	/** The attribute Spring's observations read the URI template from. */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final URI url;

	private final WebClient webClient;

	private final Parts parts;

	private final Duration callTimeout;

	DefaultBentoServiceClient(URI url, WebClient webClient, Parts parts, Duration callTimeout) {
		this.url = url;
		this.webClient = webClient;
		this.parts = parts;
		this.callTimeout = callTimeout;
	}

	@Override
	public Mono<URI> url() {
		return Mono.just(this.url);
	}

	@Override
	public Mono<Boolean> isReady() {
		return new ServiceReadiness(this.webClient, errors()).isReady(this.callTimeout);
	}

	@Override
	public Mono<Void> waitUntilReady(Duration timeout) {
		return new ServiceReadiness(this.webClient, errors()).waitUntilReady(timeout, this.callTimeout);
	}

	@Override
	public Mono<ServiceSchema> schema() {
		return this.parts.schemas()
			.get(() -> this.webClient.get()
				.uri("/schema.json")
				.exchangeToMono((response) -> response.statusCode().is2xxSuccessful()
						? response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
						: errors().toException("GET /schema.json", response).flatMap(Mono::error))
				.timeout(this.callTimeout)
				.onErrorMap((ex) -> errors().translate("GET /schema.json", ex, this.callTimeout))
				.contextWrite(LateErrors.ignored()));
	}

	@Override
	public <T> Mono<T> call(String route, @Nullable Object input, Class<T> type) {
		return call(route, input, ParameterizedTypeReference.forType(type));
	}

	@Override
	public <T> Mono<T> call(String route, @Nullable Object input, ParameterizedTypeReference<T> type) {
		return send(route, input, false, "", MediaType.ALL,
				(operation, response) -> this.parts.results().decode(response, type, operation, errors()))
			.timeout(this.callTimeout)
			.onErrorMap((ex) -> errors().translate("POST " + path(route), ex, this.callTimeout))
			.contextWrite(LateErrors.ignored());
	}

	@Override
	public Flux<String> stream(String route, @Nullable Object input) {
		return streamBody(route, input, Utf8Chunks::decode);
	}

	@Override
	public <T> Flux<T> streamJson(String route, @Nullable Object input, Class<T> type) {
		JacksonJsonDecoder decoder = this.parts.jsonDecoder();
		return streamBody(route, input,
				(body) -> decoder.decode(body, ResolvableType.forClass(type), MediaType.APPLICATION_JSON, null)
					.map(type::cast));
	}

	private <T> Flux<T> streamBody(String route, @Nullable Object input, Function<Flux<DataBuffer>, Flux<T>> decode) {
		Duration idle = this.parts.streamIdleTimeout();
		return Flux.defer(() -> {
			Map<String, @Nullable Object> arguments = ServiceInputs.arguments(input);
			return target(route, arguments, false, true).flatMapMany((target) -> {
				String operation = "POST " + target.path();
				return post(target, arguments, "", MediaType.TEXT_EVENT_STREAM)
					.exchangeToFlux((response) -> response.statusCode().is2xxSuccessful()
							? decode.apply(response.bodyToFlux(DataBuffer.class))
							: errors().toException(operation, response).flatMapMany(Mono::error));
			});
		})
			.timeout(idle)
			.onErrorMap((ex) -> errors().translate("POST " + path(route) + " (stream)", ex, idle))
			.contextWrite(LateErrors.ignored());
	}

	@Override
	public Mono<BentoTask> submit(String route, @Nullable Object input) {
		return send(route, input, true, "/submit", MediaType.APPLICATION_JSON,
				(operation, response) -> response.bodyToMono(JSON_OBJECT))
			.map((answer) -> task(route, taskId(answer)))
			.timeout(this.callTimeout)
			.onErrorMap((ex) -> errors().translate("POST " + path(route) + "/submit", ex, this.callTimeout))
			.contextWrite(LateErrors.ignored());
	}

	@Override
	public BentoTask task(String route, String taskId) {
		return new DefaultBentoTask(this, route, taskId);
	}

	@Override
	public Mono<TaskStatus> taskStatus(String route, String taskId) {
		return taskRequest(route, taskId, HttpMethod.GET, "/status",
				(operation, response) -> response.bodyToMono(JSON_OBJECT))
			.map((answer) -> TaskStatuses.from(answer, taskId));
	}

	@Override
	public <T> Mono<T> taskResult(String route, String taskId, ParameterizedTypeReference<T> type) {
		return taskRequest(route, taskId, HttpMethod.GET, "/get",
				(operation, response) -> this.parts.results().decode(response, type, operation, errors()));
	}

	@Override
	public Mono<Void> cancelTask(String route, String taskId) {
		// BentoML's own server answers 400 "not
		// supported" yet cancels: the status decides.
		return taskRequest(route, taskId, HttpMethod.PUT, "/cancel", (operation, response) -> response.releaseBody())
			.onErrorResume(BentoServiceException.class,
					(ex) -> (ex.getStatusCode() != 400) ? Mono.error(ex) : taskStatus(route, taskId)
						.flatMap((status) -> (status.state() == TaskState.CANCELED) ? Mono.empty() : Mono.error(ex)));
	}

	@Override
	public Mono<BentoTask> retryTask(String route, String taskId) {
		return taskRequest(route, taskId, HttpMethod.POST, "/retry",
				(operation, response) -> response.bodyToMono(JSON_OBJECT))
			.map((answer) -> task(route, taskId(answer)));
	}

	private <T> Mono<T> taskRequest(String route, String taskId, HttpMethod method, String endpoint,
			ResponseReader<T> reader) {
		String operation = method.name() + " " + path(route) + endpoint;
		return target(route, Map.of(), true, false).flatMap((target) -> {
			String template = target.path() + endpoint;
			return this.webClient.method(method)
				.uri((uri) -> uri.path(template).queryParam("task_id", taskId).build())
				.attribute(URI_TEMPLATE_ATTRIBUTE, template)
				.accept(MediaType.ALL)
				.exchangeToMono((response) -> read(method.name() + " " + template, response, reader));
		}).timeout(this.callTimeout).onErrorMap((ex) -> errors().translate(operation, ex, this.callTimeout));
	}

	/** POSTs the input to the route (plus {@code endpoint}) and reads a 2xx answer. */
	private <T> Mono<T> send(String route, @Nullable Object input, boolean task, String endpoint, MediaType accept,
			ResponseReader<T> reader) {
		return Mono.defer(() -> {
			Map<String, @Nullable Object> arguments = ServiceInputs.arguments(input);
			return target(route, arguments, task, true).flatMap((target) -> post(target, arguments, endpoint, accept)
				.exchangeToMono((response) -> read("POST " + target.path() + endpoint, response, reader)));
		});
	}

	private <T> Mono<T> read(String operation, ClientResponse response, ResponseReader<T> reader) {
		return response.statusCode().is2xxSuccessful() ? reader.read(operation, response)
				: errors().toException(operation, response).flatMap(Mono::error);
	}

	private WebClient.RequestHeadersSpec<?> post(Target target, Map<String, @Nullable Object> arguments,
			String endpoint, MediaType accept) {
		String template = target.path() + endpoint;
		WebClient.RequestBodySpec request = this.webClient.post()
			.uri((uri) -> uri.path(template).build())
			.attribute(URI_TEMPLATE_ATTRIBUTE, template)
			.accept(accept);
		if (!ServiceInputs.hasFiles(arguments)) {
			request.contentType(MediaType.APPLICATION_JSON);
		}
		return request.body(this.parts.inputs().body(arguments, target.route()));
	}

	/**
	 * Where a call goes: the schema's path for the route (checked, with its arguments),
	 * or {@code /<route>} when calls are not checked or the schema cannot be read.
	 */
	private Mono<Target> target(String route, Map<String, @Nullable Object> arguments, boolean task,
			boolean checkArguments) {
		if (route == null || route.isBlank()) {
			return Mono.error(new InvalidServiceCallException("A route is required, e.g. \"summarize\""));
		}
		Mono<Optional<ServiceRoute>> checked = this.parts.schemas().route(schema(), route, errors().target());
		return checked.map((found) -> {
			if (found.isEmpty()) {
				return new Target(path(route), null);
			}
			ServiceRoute serviceRoute = found.get();
			if (task) {
				SchemaCheck.task(serviceRoute);
			}
			if (checkArguments) {
				SchemaCheck.arguments(serviceRoute, arguments);
			}
			return new Target("/" + ServiceRoute.stripSlashes(serviceRoute.route()), serviceRoute);
		});
	}

	private static String path(String route) {
		return "/" + ServiceRoute.stripSlashes(String.valueOf(route));
	}

	private static String taskId(Map<String, Object> answer) {
		Object id = answer.get("task_id");
		if (!(id instanceof String text) || text.isBlank()) {
			throw new BentoCloudMalformedResponseException("The service answered a task request without a task_id",
					null);
		}
		return text;
	}

	private ServiceErrors errors() {
		return this.parts.errors();
	}

	@Override
	public BentoServiceClient withCallTimeout(Duration timeout) {
		return new DefaultBentoServiceClient(this.url, this.webClient, this.parts,
				Durations.requirePositive(timeout, "callTimeout"));
	}

	@Override
	public BlockingBentoServiceClient blocking() {
		return new DefaultBlockingBentoServiceClient(this);
	}

	@Override
	public String toString() {
		return "BentoServiceClient[" + errors().target() + "]";
	}

	/** What the views of one client share. */
	record Parts(ServiceErrors errors, ServiceInputs inputs, ServiceResults results, ServiceSchemas schemas,
			JacksonJsonDecoder jsonDecoder, Duration streamIdleTimeout) {
	}

	private record Target(String path, @Nullable ServiceRoute route) {
	}

	@FunctionalInterface
	private interface ResponseReader<T> {

		Mono<T> read(String operation, ClientResponse response);

	}

}
