package dev.bentocloud.client.credentials;

import java.nio.file.Path;

/**
 * Child JVM for {@link YataiConfigWriterTests}: saves {@code count} contexts named
 * {@code prefix0..} into the file, one locked update each.
 */
public final class YataiConfigWriterChild {

	private YataiConfigWriterChild() {
	}

	public static void main(String[] args) {
		Path file = Path.of(args[0]);
		String prefix = args[1];
		int count = Integer.parseInt(args[2]);
		YataiConfigWriter writer = new YataiConfigWriter();
		for (int i = 0; i < count; i++) {
			writer.saveContext(file,
					new YataiContext(prefix + i, "https://cloud.bentoml.com", "tok-" + prefix + i, null), false);
		}
	}

}
