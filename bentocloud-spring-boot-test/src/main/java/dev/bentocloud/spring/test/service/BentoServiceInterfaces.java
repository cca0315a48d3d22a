package dev.bentocloud.spring.test.service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.bentocloud.client.service.ServiceSchema;
import dev.bentocloud.client.service.ServiceSchemaJson;
import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceVerifier;
import dev.bentocloud.client.service.interfaces.BentoServiceMismatch;
import dev.bentocloud.emulator.ApiRoute;
import dev.bentocloud.emulator.ServiceApi;

import org.springframework.util.Assert;

/**
 * Test support for {@code @BentoService} interfaces.
 * <p>
 * In a unit test, {@link #assertMatches(Class, Path)} checks an interface against the
 * service's saved {@code schema.json} (the file the Python side's changes show up in):
 *
 * <pre class="code">
 * &#64;Test
 * void summarizerMatchesTheService() {
 *     BentoServiceInterfaces.assertMatches(Summarizer.class, Path.of("src/test/resources/summarizer-schema.json"));
 * }
 * </pre>
 * <p>
 * In a test of code that uses the interface, {@link #emulatorApi(Class, UnaryOperator)}
 * makes the emulator serve the routes the interface calls, declared once by the interface
 * itself, with the answers the test gives:
 *
 * <pre class="code">
 * emulator.serveApi("summarizer", BentoServiceInterfaces.emulatorApi(Summarizer.class,
 *         (route) -&gt; route.name().equals("summarize") ? route.answer("A summary") : route));
 * </pre>
 *
 * @since 0.1.0
 */
public final class BentoServiceInterfaces {

	private BentoServiceInterfaces() {
	}

	/**
	 * Fails when the interface does not match a saved schema.
	 * @param serviceInterface the interface
	 * @param schemaJson the service's saved {@code GET /schema.json}
	 * @throws AssertionError listing each method, its route and the mismatch
	 */
	public static void assertMatches(Class<?> serviceInterface, Path schemaJson) {
		assertMatches(serviceInterface, ServiceSchemaJson.read(schemaJson), "the schema " + schemaJson);
	}

	/**
	 * Fails when the interface does not match a schema.
	 * @param serviceInterface the interface
	 * @param schema the service's schema
	 * @throws AssertionError listing each method, its route and the mismatch
	 */
	public static void assertMatches(Class<?> serviceInterface, ServiceSchema schema) {
		assertMatches(serviceInterface, schema, "the schema of " + schema.name());
	}

	private static void assertMatches(Class<?> serviceInterface, ServiceSchema schema, String source) {
		Assert.notNull(serviceInterface, "serviceInterface must not be null");
		List<BentoServiceMismatch> mismatches = BentoServiceInterfaceVerifier.verify(serviceInterface, schema);
		if (!mismatches.isEmpty()) {
			StringBuilder message = new StringBuilder(serviceInterface.getName()).append(" does not match ")
				.append(source)
				.append(':');
			mismatches.forEach(
					(mismatch) -> message.append(System.lineSeparator()).append("    - ").append(mismatch.describe()));
			throw new AssertionError(message.toString());
		}
	}

	/**
	 * The emulator's service for an interface: one route per route its methods call, with
	 * the emulator's default answers (see {@link ApiRoute}).
	 * @param serviceInterface the interface
	 * @return the service, to give to {@code BentoCloudEmulator.serveApi}
	 * @see #emulatorApi(Class, UnaryOperator)
	 */
	public static ServiceApi emulatorApi(Class<?> serviceInterface) {
		return emulatorApi(serviceInterface, UnaryOperator.identity());
	}

	/**
	 * The emulator's service for an interface, each route passed through {@code answers}
	 * to give it answers (or any other setting): a method returning {@code String} is a
	 * text route, a {@code Flux} or {@code Stream} a stream route, {@code Path},
	 * {@code Resource} or {@code ServiceFile} a file route, {@code byte[]} a binary
	 * route, a task a JSON task route, anything else a JSON route. Parameters are
	 * required unless {@code @Nullable} (then their default is {@code null}); their JSON
	 * types follow their Java types.
	 * @param serviceInterface the interface
	 * @param answers completes each route, e.g. with {@code route.answer(...)} or
	 * {@code route.chunks(...)}
	 * @return the service, to give to {@code BentoCloudEmulator.serveApi}
	 * @throws IllegalArgumentException for a method whose arguments are only known when
	 * called (a {@code @BentoInput} map): declare that route with {@link ApiRoute}
	 */
	public static ServiceApi emulatorApi(Class<?> serviceInterface, UnaryOperator<ApiRoute> answers) {
		Assert.notNull(serviceInterface, "serviceInterface must not be null");
		Assert.notNull(answers, "answers must not be null");
		return EmulatedRoutes.of(serviceInterface, answers);
	}

}
