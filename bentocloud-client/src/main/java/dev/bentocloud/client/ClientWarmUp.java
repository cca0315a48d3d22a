package dev.bentocloud.client;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.bentocloud.client.model.User;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * What {@link BentoCloudClient#warmUp()} prepares, all in process: the connector's shared
 * resources (Reactor Netty's event loops, resolver and buffer allocator), a JSON reader
 * for every type the management API answers with, and one {@code currentUser()} through
 * our HTTP interface, filters and codecs, answered in memory. Nothing goes over the
 * network, no socket is opened (not even a listening one), and nothing is logged as a
 * call.
 */
final class ClientWarmUp {

	private static final byte[] USER = "{\"name\":\"warm-up\",\"email\":null}".getBytes(StandardCharsets.UTF_8);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ClientWarmUp() {
	}

	static void connector(ClientHttpConnector connector) {
		if (ReactorNettyConnectors.isPresent()) {
			ReactorNettyConnectors.warmUp(connector);
		}
	}

	static void json(JsonMapper mapper) {
		for (Method method : ManagementApi.class.getDeclaredMethods()) {
			ResolvableType body = ResolvableType.forMethodReturnType(method).getGeneric(0);
			Class<?> type = body.resolve();
			if (type != null && type != Void.class) {
				// With EAGER_DESERIALIZER_FETCH (Jackson's default) the reader builds and
				// caches the deserializer in the mapper, which the decoder shares.
				mapper.readerFor(mapper.constructType(body.getType()));
			}
		}
		DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(USER);
		new JacksonJsonDecoder(mapper)
			.decodeToMono(Mono.just(buffer), ResolvableType.forClass(User.class), MediaType.APPLICATION_JSON, Map.of())
			.block(TIMEOUT);
	}

	static void exchange(ManagementApi inMemory, PreparedCalls prepared) {
		try {
			inMemory.currentUser().block(TIMEOUT);
			prepared.currentUser().block(TIMEOUT);
		}
		catch (BentoCloudCredentialsException ex) {
			// Without a token the client refuses every call, this one too; the set-up is
			// done all the same.
		}
	}

	/**
	 * Answers every request with a canned {@link User}, without any I/O and below
	 * {@code WebClient}'s exchange logging, so that no log line tells of a call that was
	 * not made.
	 */
	static ExchangeFunction inMemory() {
		return (request) -> Mono.just(ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(new String(USER, StandardCharsets.UTF_8))
			.build());
	}

}
