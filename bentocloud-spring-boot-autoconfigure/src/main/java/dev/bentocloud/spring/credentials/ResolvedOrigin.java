package dev.bentocloud.spring.credentials;

import org.springframework.boot.origin.Origin;

/**
 * Where a resolved credential value was set: a file and line, an environment variable, or
 * a context of the credentials file.
 *
 * @param description the origin as shown in failure reports
 */
record ResolvedOrigin(String description) implements Origin {

	@Override
	public String toString() {
		return this.description;
	}

}
