package dev.bentocloud.it;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.LazyFuture;

/**
 * The emulator's image, built locally from {@code bentocloud-emulator/Dockerfile} and its
 * {@code -exec} jar on the same base image as the sample app
 * ({@link SampleAppContainer#baseImage()}), so no registry is needed once that base image
 * is local. Built when a container first starts, never when a test class is merely
 * loaded; removed when the JVM exits.
 */
final class EmulatorImage extends LazyFuture<String> {

	static final String JAR_PROPERTY = "bentocloud.it.emulator-jar";

	static final String DOCKERFILE_PROPERTY = "bentocloud.it.emulator-dockerfile";

	static final String IMAGE_NAME = "bentocloud-local/emulator:it";

	@Override
	protected String resolve() {
		Path jar = existing(JAR_PROPERTY, "../bentocloud-emulator/target/bentocloud-emulator-0.1.0-SNAPSHOT-exec.jar");
		Path dockerfile = existing(DOCKERFILE_PROPERTY, "../bentocloud-emulator/Dockerfile");
		String baseImage = SampleAppContainer.baseImage().asCanonicalNameString();
		return new ImageFromDockerfile(IMAGE_NAME, true).withFileFromPath("Dockerfile", dockerfile)
			.withFileFromPath("target/" + jar.getFileName(), jar)
			.withBuildArg("BASE_IMAGE", baseImage)
			.get();
	}

	private static Path existing(String property, String fallback) {
		Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException(
					path + " does not exist. Build it first: './mvnw -pl bentocloud-it -am verify' "
							+ "packages bentocloud-emulator (and its -exec jar) before running these tests.");
		}
		return path;
	}

}
