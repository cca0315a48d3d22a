package dev.bentocloud.sample.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.bentocloud.client.service.ServiceFile;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;

/**
 * Forwards an uploaded file to a service through a temporary file.
 * <p>
 * Why a file: the service client takes a file input as a {@code Path}, a {@code Resource}
 * or a {@code ServiceFile} over one, and streams it from there as it writes the request;
 * it takes no one-shot stream of buffers such as {@link FilePart#content()}. A file on
 * disk is streamed without ever being held in memory, whatever its size. The upload is
 * complete on disk before the service is called, so an upload that breaks off or is too
 * large ({@code spring.webflux.multipart.max-disk-usage-per-part}, 413) never reaches the
 * service half-sent. The file is readable by this user only (as
 * {@code Files.createTempFile} makes it) and deleted when the call ends, however it ends:
 * answered, failed or cancelled by the caller.
 * <p>
 * The name the caller gave the file is only passed on to the service, never used as a
 * local path.
 */
final class Uploads {

	/** Sent when the caller gave no file name. */
	static final String DEFAULT_FILENAME = "upload";

	private static final Log logger = LogFactory.getLog(Uploads.class);

	private Uploads() {
	}

	static <T> Mono<T> forward(FilePart upload, Function<ServiceFile, Mono<T>> call) {
		return Mono.usingWhen(blocking(() -> Files.createTempFile("sample-upload-", ".tmp")),
				(file) -> upload.transferTo(file).then(Mono.defer(() -> call.apply(serviceFile(upload, file)))),
				Uploads::delete);
	}

	private static ServiceFile serviceFile(FilePart upload, Path file) {
		String filename = upload.filename().isBlank() ? DEFAULT_FILENAME : upload.filename();
		MediaType contentType = upload.headers().getContentType();
		return ServiceFile.of(new FileSystemResource(file), filename,
				(contentType != null) ? contentType.toString() : null);
	}

	private static Mono<Void> delete(Path file) {
		return blocking(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the temporary upload " + file + ": " + ex.getMessage());
			}
			return file;
		}).then();
	}

	// File system calls block: off the event loop.
	private static <T> Mono<T> blocking(Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

}
