package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The operations of {@link BentoServiceClient}, blocking, with the same names: the Java
 * counterpart of BentoML's {@code SyncHTTPClient}. Must not be called on a reactive
 * (event loop) thread.
 *
 * @since 0.1.0
 */
public interface BlockingBentoServiceClient {

	/**
	 * The service's base URL.
	 * @return the URL
	 */
	URI url();

	/**
	 * Whether {@code GET /readyz} answers 200 now.
	 * @return whether the service is ready
	 * @see BentoServiceClient#isReady()
	 */
	boolean isReady();

	/**
	 * Waits until {@code GET /readyz} answers 200.
	 * @param timeout how long to wait
	 * @see BentoServiceClient#waitUntilReady(Duration)
	 */
	void waitUntilReady(Duration timeout);

	/**
	 * The service's schema.
	 * @return the schema
	 * @see BentoServiceClient#schema()
	 */
	ServiceSchema schema();

	/**
	 * Calls a route.
	 * @param <T> the result type
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @param type the result type
	 * @return the result, {@code null} only for {@code Void}
	 * @see BentoServiceClient#call(String, Object, Class)
	 */
	<T> @Nullable T call(String route, @Nullable Object input, Class<T> type);

	/**
	 * Calls a route, for generic result types.
	 * @param <T> the result type
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @param type the result type
	 * @return the result
	 * @see BentoServiceClient#call(String, Object, ParameterizedTypeReference)
	 */
	<T> @Nullable T call(String route, @Nullable Object input, ParameterizedTypeReference<T> type);

	/**
	 * Calls a streaming route. Close the stream (try-with-resources) to close the
	 * connection early.
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @return the chunks, read as they arrive
	 * @see BentoServiceClient#stream(String, Object)
	 */
	Stream<String> stream(String route, @Nullable Object input);

	/**
	 * Calls a streaming route of JSON values. Close the stream to close the connection
	 * early.
	 * @param <T> the element type
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @param type the element type
	 * @return the values, read as they arrive
	 * @see BentoServiceClient#streamJson(String, Object, Class)
	 */
	<T> Stream<T> streamJson(String route, @Nullable Object input, Class<T> type);

	/**
	 * Submits a task.
	 * @param route the task route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @return the task
	 * @see BentoServiceClient#submit(String, Object)
	 */
	BlockingBentoTask submit(String route, @Nullable Object input);

	/**
	 * A task submitted earlier.
	 * @param route the task route's name or path
	 * @param taskId the task's ID
	 * @return the task
	 */
	BlockingBentoTask task(String route, String taskId);

	/**
	 * This client with another call timeout.
	 * @param callTimeout the timeout
	 * @return the client
	 */
	BlockingBentoServiceClient withCallTimeout(Duration callTimeout);

	/**
	 * The reactive client behind this one.
	 * @return the reactive client
	 */
	BentoServiceClient reactive();

}
