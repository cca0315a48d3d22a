package dev.bentocloud.sample.cli;

import java.util.Locale;

/**
 * The {@code -o/--output} choices of BentoML's CLI.
 */
public enum OutputFormat {

	TABLE, JSON, YAML;

	/** Lower case, as users type it and as picocli lists it in help. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
