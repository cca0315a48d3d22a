package dev.bentocloud.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.bentocloud.emulator.server.ServedApi;
import dev.bentocloud.emulator.server.ServedRoute;

/**
 * A deployed BentoML service's API: its name and routes, as {@code /schema.json} lists
 * them. Immutable; give it to {@link BentoCloudEmulator#serveApi} or
 * {@link BentoCloudEmulatorBuilder#serviceApi}.
 *
 * <pre>{@code
 * ServiceApi api = ServiceApi.named("Summarizer")
 *     .route(ApiRoute.text("summarize").param("text", "string").answer("A short summary"));
 * }</pre>
 */
public final class ServiceApi {

	private final String name;

	private final List<ApiRoute> routes;

	private ServiceApi(String name, List<ApiRoute> routes) {
		this.name = name;
		this.routes = routes;
	}

	/**
	 * A service with no routes yet.
	 * @param serviceName the {@code name} of {@code schema.json}, also sent as
	 * {@code server: BentoML Service/<name>}
	 * @return the service
	 */
	public static ServiceApi named(String serviceName) {
		if (serviceName == null || serviceName.isBlank()) {
			throw new IllegalArgumentException("serviceName must not be blank");
		}
		return new ServiceApi(serviceName, List.of());
	}

	/**
	 * The service that deployments without a declared API serve, "ExampleService" (the
	 * service of contract section 6.1). Its routes answer deterministically:
	 * <ul>
	 * <li>{@code summarize(text: string) -> text}: {@code "Summary: "} and the first 40
	 * characters of the text;</li>
	 * <li>{@code classify(input: array of number) -> json}, batchable:
	 * {@code {"label": "positive" (sum >= 0) or "negative", "score": <mean, 0.0 if
	 * empty>, "size": <count>}};</li>
	 * <li>{@code generate(prompt: string, n: integer = 3) -> stream}: the chunks
	 * {@code "token-0 "}, {@code "token-1 "}, ... ({@code n} of them);</li>
	 * <li>{@code transcribe(audio: file, language: string = "en") -> json}:
	 * {@code {"filename", "content_type", "size", "sha256" (hex), "language"}} of the
	 * upload;</li>
	 * <li>{@code render(text: string) -> file}: {@code render.txt}, {@code text/plain},
	 * holding the text's UTF-8 bytes;</li>
	 * <li>{@code embed(texts: array of string)}, a root input (the body is the array):
	 * {@code [[<length>, <word count>], ...]};</li>
	 * <li>{@code long_job(seconds: number) -> json}, a task that runs {@code seconds} (at
	 * most 60): {@code {"done": true, "seconds": <seconds>}};</li>
	 * <li>{@code echo(any arguments) -> json}: {@code {"route": "echo", "input": <the
	 * arguments>}}.</li>
	 * </ul>
	 * @return the example service
	 */
	public static ServiceApi example() {
		return ExampleService.API;
	}

	/**
	 * This service with one more route.
	 * @param route a route whose name and path no other route has
	 * @return the new service
	 */
	public ServiceApi route(ApiRoute route) {
		Objects.requireNonNull(route, "route");
		for (ApiRoute existing : this.routes) {
			if (existing.name().equals(route.name()) || existing.path().equals(route.path())) {
				throw new IllegalArgumentException("Service " + this.name + " already has a route named " + route.name()
						+ " or at " + route.path());
			}
		}
		ServedRoute served = route.served();
		if (served.rootInput() && served.params().size() != 1) {
			throw new IllegalArgumentException(
					"Route " + route.name() + " has a root input, so it needs exactly one parameter");
		}
		List<ApiRoute> more = new ArrayList<>(this.routes);
		more.add(route);
		return new ServiceApi(this.name, List.copyOf(more));
	}

	/** The service's name. */
	public String name() {
		return this.name;
	}

	/** The routes, in declaration order. */
	public List<ApiRoute> routes() {
		return this.routes;
	}

	/** The snapshot the server reads. */
	ServedApi served() {
		return new ServedApi(this.name, this.routes.stream().map(ApiRoute::served).toList());
	}

	@Override
	public String toString() {
		return "ServiceApi[" + this.name + ", " + this.routes.stream().map(ApiRoute::name).toList() + "]";
	}

}
