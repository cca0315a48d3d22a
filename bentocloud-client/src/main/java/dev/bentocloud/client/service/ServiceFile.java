package dev.bentocloud.client.service;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * A file to send to a service, or one a service answered: its content, file name and
 * content type.
 * <p>
 * As an input value it makes the call {@code multipart/form-data}; the content is
 * streamed from its resource. As a result type of
 * {@link BentoServiceClient#call(String, Object, Class)}, the content is a temporary file
 * that the caller owns and should delete.
 *
 * @param content the content
 * @param filename the file name sent in the part's {@code Content-Disposition}
 * @param contentType the content type ({@code application/octet-stream} when unknown)
 * @since 0.1.0
 */
public record ServiceFile(Resource content, String filename, MediaType contentType) {

	public ServiceFile {
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(contentType, "contentType");
	}

	/**
	 * Bytes with a file name; the content type is guessed from the name.
	 * @param bytes the content
	 * @param filename the file name
	 * @return the file
	 */
	public static ServiceFile of(byte[] bytes, String filename) {
		return of(bytes, filename, null);
	}

	/**
	 * Bytes with a file name and content type.
	 * @param bytes the content
	 * @param filename the file name
	 * @param contentType the content type, or {@code null} to guess it from the name
	 * @return the file
	 */
	public static ServiceFile of(byte[] bytes, String filename, @Nullable String contentType) {
		return new ServiceFile(new ByteArrayResource(bytes), filename, mediaType(filename, contentType));
	}

	/**
	 * A file on disk, streamed when sent; its name and guessed content type.
	 * @param path the file
	 * @return the file
	 */
	public static ServiceFile of(Path path) {
		String filename = String.valueOf(path.getFileName());
		return new ServiceFile(new FileSystemResource(path), filename, mediaType(filename, null));
	}

	/**
	 * A Spring resource (class path, URL, ...), streamed when sent.
	 * @param resource the content
	 * @param filename the file name, or {@code null} for the resource's own
	 * @param contentType the content type, or {@code null} to guess it from the name
	 * @return the file
	 */
	public static ServiceFile of(Resource resource, @Nullable String filename, @Nullable String contentType) {
		String name = (filename != null) ? filename : Objects.requireNonNullElse(resource.getFilename(), "file");
		return new ServiceFile(resource, name, mediaType(name, contentType));
	}

	private static MediaType mediaType(String filename, @Nullable String contentType) {
		if (contentType != null && !contentType.isBlank()) {
			return MediaType.parseMediaType(contentType);
		}
		return MediaTypeFactory.getMediaType(filename).orElse(MediaType.APPLICATION_OCTET_STREAM);
	}

	@Override
	public String toString() {
		return "ServiceFile[" + this.filename + ", " + this.contentType + "]";
	}

}
