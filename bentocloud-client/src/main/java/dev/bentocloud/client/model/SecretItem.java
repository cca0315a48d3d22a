package dev.bentocloud.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One key/value pair of a secret. {@link #toString()} masks the value.
 *
 * @param key the variable or file name
 * @param subPath the file's path under the mount folder, or {@code null}
 * @param value the secret value, or {@code null} (servers may leave values out of
 * responses)
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretItem(String key, @Nullable String subPath, @Nullable String value) {

	/**
	 * An item without sub-path.
	 * @param key the name
	 * @param value the value
	 * @return the item
	 */
	public static SecretItem of(String key, String value) {
		return new SecretItem(key, null, value);
	}

	@Override
	public String toString() {
		return "SecretItem[key=" + this.key + ", subPath=" + this.subPath + ", value="
				+ ((this.value != null) ? "******" : "null") + "]";
	}

}
