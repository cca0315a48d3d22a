package dev.bentocloud.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JDK HTTP client for tests: no dependency on the starter's client. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Supplier<String> endpoint;

	private final Supplier<String> token;

	Http(String endpoint, String token) {
		this(() -> endpoint, () -> token);
	}

	private Http(Supplier<String> endpoint, Supplier<String> token) {
		this.endpoint = endpoint;
		this.token = token;
	}

	/**
	 * For the emulator of an extension, looked up at each request (the extension starts
	 * it later).
	 */
	static Http of(BentoCloudEmulatorExtension emulator) {
		return new Http(() -> emulator.get().endpoint(), () -> emulator.get().apiToken());
	}

	Http withToken(String otherToken) {
		return new Http(this.endpoint, () -> otherToken);
	}

	HttpResponse<String> get(String path) {
		return send("GET", path, null);
	}

	HttpResponse<String> post(String path, String body) {
		return send("POST", path, body);
	}

	HttpResponse<String> put(String path, String body) {
		return send("PUT", path, body);
	}

	HttpResponse<String> delete(String path) {
		return send("DELETE", path, null);
	}

	HttpResponse<String> send(String method, String path, String body) {
		try {
			return CLIENT.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest request(String method, String path, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.endpoint.get() + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		if (this.token.get() != null) {
			builder.header("X-YATAI-API-TOKEN", this.token.get());
		}
		return builder.build();
	}

	/** GET expecting 200, parsed. */
	JsonNode getJson(String path) {
		return json(ok(get(path)));
	}

	static HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new AssertionError("Expected 200 but got " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
