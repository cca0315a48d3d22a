package dev.bentocloud.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A BentoCloud user ({@code UserSchema}).
 *
 * @param name the user name
 * @param email the e-mail address
 * @param firstName the first name
 * @param lastName the last name
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(@JsonProperty(required = true) String name, @Nullable String email, @Nullable String firstName,
		@Nullable String lastName) {

	/**
	 * {@code "first last"}, or the user name when both are empty, as BentoML shows it.
	 */
	public String displayName() {
		String full = (((this.firstName != null) ? this.firstName : "") + " "
				+ ((this.lastName != null) ? this.lastName : ""))
			.strip();
		return full.isEmpty() ? this.name : full;
	}

}
