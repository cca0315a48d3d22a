package dev.bentocloud.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Calls a deployed service of an emulator with the JDK client, as a raw client would: no
 * management header, an optional Bearer token.
 */
final class ServiceHttp {

	private final String baseUrl;

	private final String token;

	ServiceHttp(BentoCloudEmulator emulator, String deployment) {
		this(emulator.deploymentUrl(deployment), null);
	}

	private ServiceHttp(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	ServiceHttp withBearer(String bearer) {
		return new ServiceHttp(this.baseUrl, bearer);
	}

	HttpResponse<String> get(String path) {
		return send(builder(path).GET(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String json) {
		return send(builder(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> put(String path) {
		return send(builder(path).PUT(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> postBytes(String path, String contentType, byte[] body) {
		HttpRequest.Builder builder = builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder, HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return Http.CLIENT.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return Http.JSON.readTree(response.body());
	}

	/** A multipart/form-data body, built by hand as BentoML's client sends it. */
	static final class Multipart {

		final String boundary = "----emu" + UUID.randomUUID().toString().replace("-", "");

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		Multipart file(String name, String filename, String contentType, byte[] content) {
			head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
					+ "\"\r\nContent-Type: " + contentType);
			this.body.writeBytes(content);
			this.body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			return this;
		}

		Multipart field(String name, String value) {
			head("Content-Disposition: form-data; name=\"" + name + "\"");
			this.body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			this.body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			return this;
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		byte[] bytes() {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			all.writeBytes(this.body.toByteArray());
			all.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
			return all.toByteArray();
		}

		private void head(String headers) {
			this.body
				.writeBytes(("--" + this.boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		}

	}

}
