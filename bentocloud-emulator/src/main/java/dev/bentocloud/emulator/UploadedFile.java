package dev.bentocloud.emulator;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A file as a service received it in a {@code multipart/form-data} part, or as a file
 * route's handler answers it (then {@code parameter} is unused).
 *
 * @param parameter the part's name: the file parameter it was sent for
 * @param filename the part's file name, if it had one
 * @param contentType the part's content type, if it had one
 * @param content the bytes exactly as received
 */
public record UploadedFile(String parameter, @Nullable String filename, @Nullable String contentType, byte[] content) {

	/** Checks that the name and content are there. */
	public UploadedFile {
		Objects.requireNonNull(parameter, "parameter");
		Objects.requireNonNull(content, "content");
	}

	@Override
	public String toString() {
		return "UploadedFile[" + this.parameter + ", " + this.filename + ", " + this.contentType + ", "
				+ this.content.length + " bytes]";
	}

}
