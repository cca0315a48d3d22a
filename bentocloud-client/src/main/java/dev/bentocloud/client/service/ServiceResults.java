package dev.bentocloud.client.service;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Decodes a successful answer by what the caller asked for and what the service sent:
 * text as text, JSON into the type, binary into bytes, and files streamed to a temporary
 * file (never held in memory) named as {@code content-disposition} says.
 */
final class ServiceResults {

	private final @Nullable Path tempDirectory;

	ServiceResults(@Nullable Path tempDirectory) {
		this.tempDirectory = tempDirectory;
	}

	@SuppressWarnings("unchecked")
	<T> Mono<T> decode(ClientResponse response, ParameterizedTypeReference<T> type, String operation,
			ServiceErrors errors) {
		Class<?> raw = ResolvableType.forType(type).toClass();
		if (raw == Void.class) {
			return response.releaseBody().then(Mono.empty());
		}
		if (raw == String.class) {
			return (Mono<T>) response.bodyToMono(byte[].class)
				.map((bytes) -> new String(bytes, charset(response)))
				.defaultIfEmpty("");
		}
		if (raw == byte[].class) {
			return (Mono<T>) response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]);
		}
		if (raw == Path.class || raw == Resource.class || raw == FileSystemResource.class || raw == ServiceFile.class) {
			return (Mono<T>) toFile(response).map((file) -> (raw == Path.class) ? file.path()
					: (raw == ServiceFile.class) ? file.serviceFile() : new FileSystemResource(file.path()));
		}
		MediaType contentType = response.headers().contentType().orElse(MediaType.APPLICATION_JSON);
		if (!isJson(contentType)) {
			return response.releaseBody()
				.then(Mono.error(new InvalidServiceCallException(errors.target() + " answered " + operation + " with "
						+ errors.safe(contentType.toString(), 100) + ", not JSON: read it as String.class"
						+ " (text), byte[].class, or Path.class (files) instead of " + raw.getSimpleName())));
		}
		return response.bodyToMono(type);
	}

	private static boolean isJson(MediaType contentType) {
		return contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| (contentType.getSubtypeSuffix() != null && contentType.getSubtypeSuffix().equals("json"));
	}

	private static Charset charset(ClientResponse response) {
		return response.headers()
			.contentType()
			.map(MediaType::getCharset)
			.filter(java.util.Objects::nonNull)
			.orElse(StandardCharsets.UTF_8);
	}

	/**
	 * Streams the body into a new file in a directory of its own, named as the service
	 * named it (its last path segment only) or {@code output}.
	 */
	private Mono<DownloadedFile> toFile(ClientResponse response) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		String filename = safeFilename(headers.getContentDisposition());
		MediaType contentType = response.headers().contentType().orElse(MediaType.APPLICATION_OCTET_STREAM);
		return Mono.fromCallable(() -> {
			Path directory = (this.tempDirectory != null)
					? Files.createTempDirectory(this.tempDirectory, "bentoml-output-")
					: Files.createTempDirectory("bentoml-output-");
			return directory.resolve(filename);
		}).subscribeOn(Schedulers.boundedElastic()).flatMap((path) -> {
			Mono<Void> written = DataBufferUtils.write(response.bodyToFlux(DataBuffer.class), path);
			return written.then(Mono.fromCallable(() -> new DownloadedFile(path, filename, contentType)))
				.onErrorResume((ex) -> {
					deleteQuietly(path);
					return Mono.error(ex);
				})
				.doOnCancel(() -> deleteQuietly(path));
		});
	}

	static String safeFilename(ContentDisposition disposition) {
		String name = disposition.getFilename();
		if (name == null) {
			return "output";
		}
		name = name.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		StringBuilder safe = new StringBuilder();
		name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(safe::appendCodePoint);
		String result = safe.toString();
		if (result.isEmpty() || result.equals(".") || result.equals("..")) {
			return "output";
		}
		return (result.length() > 200) ? result.substring(0, 200) : result;
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
			Files.deleteIfExists(path.getParent());
		}
		catch (IOException ex) {
			// a temporary file; the JVM's temp dir is cleaned by the system
		}
	}

	private record DownloadedFile(Path path, String filename, MediaType contentType) {

		ServiceFile serviceFile() {
			return new ServiceFile(new FileSystemResource(this.path), this.filename, this.contentType);
		}

	}

}
