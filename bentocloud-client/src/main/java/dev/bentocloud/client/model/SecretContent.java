package dev.bentocloud.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * What a secret holds ({@code SecretContentSchema}). {@link #toString()} shows keys,
 * never values.
 *
 * @param type {@value #ENV} (environment variables) or {@value #MOUNT_FILE} (files under
 * {@code path})
 * @param items the key/value pairs
 * @param path where files are mounted ({@value #MOUNT_FILE} only), or {@code null}
 * @param stage {@code build}, {@code runtime} or {@code all}, or {@code null} for the
 * server's default
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretContent(String type, List<SecretItem> items, @Nullable String path, @Nullable String stage) {

	/** Type of a secret exposed as environment variables. */
	public static final String ENV = "env";

	/** Type of a secret mounted as files. */
	public static final String MOUNT_FILE = "mountfile";

	public SecretContent {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/**
	 * Environment variables used at runtime, as {@code bentoml secret create} makes them
	 * by default.
	 * @param items the variables
	 * @return the content
	 */
	public static SecretContent env(List<SecretItem> items) {
		return new SecretContent(ENV, items, null, "runtime");
	}

	/**
	 * Files mounted under {@code path}, used at runtime.
	 * @param path the mount folder
	 * @param items one file per item ({@code key} is the file name)
	 * @return the content
	 */
	public static SecretContent mountFile(String path, List<SecretItem> items) {
		return new SecretContent(MOUNT_FILE, items, path, "runtime");
	}

	/**
	 * A copy with another stage.
	 * @param stage {@code build}, {@code runtime}, {@code all}, or {@code null}
	 * @return the copy
	 */
	public SecretContent withStage(String stage) {
		return new SecretContent(this.type, this.items, this.path, stage);
	}

}
