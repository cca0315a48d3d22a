package dev.bentocloud.client.service;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Reactive client of one deployed BentoML service, the Java counterpart of BentoML's
 * {@code AsyncHTTPClient}. Every request carries {@code Authorization: Bearer <token>}
 * when a service token is set (never the management API key unless given as that token),
 * and redirects are never followed.
 * <p>
 * {@code input} is a {@code Map} of the route's parameters, or a record or JavaBean whose
 * properties are the parameters ({@code null} for none). A value that is a
 * {@link java.nio.file.Path}, a Spring {@link org.springframework.core.io.Resource}, a
 * {@link ServiceFile} or a list of them makes the request {@code multipart/form-data},
 * the file streamed from its source. When the service's {@code /schema.json} can be read,
 * an unknown route, unknown arguments and missing required ones fail before anything is
 * sent.
 * <p>
 * Errors are {@link dev.bentocloud.client.BentoCloudException}s: a status other than 2xx
 * is a {@link BentoServiceException} (401 and 403 a
 * {@link dev.bentocloud.client.BentoCloudUnauthenticatedException}), no complete response
 * a {@link dev.bentocloud.client.BentoCloudTransportException}, a call the schema rejects
 * an {@link InvalidServiceCallException}. No message contains the token.
 *
 * @since 0.1.0
 * @see BentoServiceClientFactory
 */
public interface BentoServiceClient {

	/**
	 * The service's base URL.
	 * @return the URL, resolved on first use for a client of a deployment by name
	 */
	Mono<URI> url();

	/**
	 * Whether {@code GET /readyz} answers 200. Any other status or a transport error is
	 * {@code false}, except 401 and 403, which fail: waiting will not fix a token.
	 * @return whether the service is ready
	 */
	Mono<Boolean> isReady();

	/**
	 * Polls {@code GET /readyz} with growing pauses until it answers 200. Fails at once
	 * on 401 or 403, and with a {@link ServiceNotReadyException} naming the last answer
	 * once {@code timeout} has passed.
	 * @param timeout how long to wait
	 * @return completes when the service is ready
	 */
	Mono<Void> waitUntilReady(Duration timeout);

	/**
	 * The service's {@code /schema.json}, read once and then cached (a failed read is
	 * tried again on the next call).
	 * @return the schema
	 */
	Mono<ServiceSchema> schema();

	/**
	 * Calls a route ({@code POST /<route>}) and decodes what the service answers as
	 * {@code type}: {@code String} for text (any content type, as text), {@code byte[]},
	 * {@link java.nio.file.Path}, {@link org.springframework.core.io.Resource} or
	 * {@link ServiceFile} for binary and file outputs (files are streamed to a temporary
	 * file named as the service's {@code content-disposition} says), {@code Void} to
	 * discard, and any other type from JSON.
	 * @param <T> the result type
	 * @param route the route's name or path, e.g. {@code summarize} or {@code /summarize}
	 * @param input the arguments, or {@code null} for none
	 * @param type the result type
	 * @return the result
	 */
	<T> Mono<T> call(String route, @Nullable Object input, Class<T> type);

	/**
	 * As {@link #call(String, Object, Class)}, for generic result types such as
	 * {@code Map<String, Object>} or {@code List<MyRecord>}.
	 * @param <T> the result type
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @param type the result type
	 * @return the result
	 */
	<T> Mono<T> call(String route, @Nullable Object input, ParameterizedTypeReference<T> type);

	/**
	 * Calls a streaming route and emits its text as it arrives, one element per chunk
	 * received (a UTF-8 character split across chunks is decoded whole). Each element
	 * must come within the stream idle timeout; cancelling the subscription closes the
	 * connection.
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @return the chunks
	 */
	Flux<String> stream(String route, @Nullable Object input);

	/**
	 * Calls a streaming route whose chunks are JSON values (concatenated,
	 * newline-delimited or a top-level array) and emits each value as it is complete. One
	 * value may be at most the maximum response size.
	 * @param <T> the element type
	 * @param route the route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @param type the element type
	 * @return the values
	 */
	<T> Flux<T> streamJson(String route, @Nullable Object input, Class<T> type);

	/**
	 * Submits a task ({@code POST /<route>/submit}) of a {@code @bentoml.task} route.
	 * @param route the task route's name or path
	 * @param input the arguments, or {@code null} for none
	 * @return the submitted task
	 */
	Mono<BentoTask> submit(String route, @Nullable Object input);

	/**
	 * A task submitted earlier, by its ID, e.g. one stored by another process.
	 * @param route the task route's name or path
	 * @param taskId the task's ID
	 * @return the task
	 */
	BentoTask task(String route, String taskId);

	/**
	 * This client with another call timeout: the longest a call (response and body) or a
	 * task request may take.
	 * @param callTimeout the timeout
	 * @return a client sharing this one's connections and schema
	 */
	BentoServiceClient withCallTimeout(Duration callTimeout);

	/**
	 * The same operations, blocking, for Servlet (MVC) applications and plain Java.
	 * @return the blocking view of this client
	 */
	BlockingBentoServiceClient blocking();

}
